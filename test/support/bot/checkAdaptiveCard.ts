import * as AC from "adaptivecards";

/**
 * Parses a card with the `adaptivecards` package (Microsoft's renderer library, which ships no
 * JSON schema) and answers every parse and validation event as "<event>: <message>". An empty
 * list means the renderer accepts the card as written.
 */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return problems;
}
