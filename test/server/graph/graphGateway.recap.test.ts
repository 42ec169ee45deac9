import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsentRequired, type GraphTokenProvider } from "../../../server/auth/oboTokenProvider";
import type { RequestIdentity } from "../../../server/auth/verifyTeamsToken";
import { createGraphGateway } from "../../../server/graph/graphGateway";
import {
  GraphRequestFailed,
  RecapDeliveryUnknown,
  type MailCalendarGateway,
  type SendRecapInput,
} from "../../../server/graph/MailCalendarGateway";
import { startFakeGraphServer, type FakeGraphServer } from "../../support/graph/fakeGraphServer";

let graph: FakeGraphServer;
const identity: RequestIdentity = {
  tenantId: "11111111-2222-4333-8444-555555555555",
  userId: "user-1",
  name: "Pat Manager",
  email: "pat@contoso.example",
  token: "sso-token",
};
const tokens: GraphTokenProvider = { getGraphToken: (who) => Promise.resolve(`graph-token-for-${who.userId}`) };

beforeAll(async () => {
  graph = await startFakeGraphServer();
});
afterAll(async () => {
  await graph.close();
});

function gateway(provider: GraphTokenProvider = tokens): MailCalendarGateway {
  return createGraphGateway({ baseUrl: graph.baseUrl, tokens: provider, retryDelaySeconds: 0, replayDelayMs: 5, settleMs: 10 });
}

let counter = 0;
function recap(overrides: Partial<SendRecapInput> = {}): SendRecapInput {
  counter += 1;
  return {
    recapId: `recap-${counter}`,
    to: [{ email: "dana@customer.example", name: "Dana Customer" }],
    cc: [{ email: "lee@contoso.example" }],
    subject: `Recap ${counter}: Riverbend weekly status`,
    html: "<p>Decisions &amp; actions</p>",
    text: "Decisions & actions",
    ...overrides,
  };
}

/** Requests and deliveries made during `run`, with what it returned or threw. */
async function observe<T>(run: () => Promise<T>) {
  const fromRequest = graph.requests.length;
  const fromDelivery = graph.mailbox.deliveries.length;
  const outcome = await run().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  const requests = graph.requests.slice(fromRequest);
  return {
    ...outcome,
    requests,
    routes: requests.map((r) => `${r.route ?? "?"}:${String(r.outcome)}`),
    deliveries: graph.mailbox.deliveries.slice(fromDelivery),
  };
}

describe("graphGateway.sendRecap through the real Graph SDK", () => {
  it("creates a draft, hands its id over, then sends it — once", async () => {
    const stored: string[] = [];
    const input = recap({
      onDraftCreated: (id) => {
        stored.push(id);
        expect(graph.mailbox.deliveries.some((d) => d.messageId === id)).toBe(false);
        return Promise.resolve();
      },
    });
    const run = await observe(() => gateway().sendRecap(identity, input));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual(["createMessage:201", "sendMessage:202"]);
    const [create, send] = run.requests;
    expect(create?.path).toBe("/me/messages");
    expect(create?.headers.authorization).toBe("Bearer graph-token-for-user-1");
    expect(create?.headers.prefer).toBe('IdType="ImmutableId"');
    expect(create?.body).toEqual({
      subject: input.subject,
      body: { contentType: "html", content: input.html },
      toRecipients: [{ emailAddress: { address: "dana@customer.example", name: "Dana Customer" } }],
      ccRecipients: [{ emailAddress: { address: "lee@contoso.example" } }],
      internetMessageHeaders: [{ name: "X-Callbook-Recap-Id", value: input.recapId }],
    });
    expect(stored).toHaveLength(1);
    expect(send?.path).toBe(`/me/messages/${stored[0]}/send`);
    expect(send?.headers.authorization).toBe("Bearer graph-token-for-user-1");
    expect(run.value?.messageId).toBe(stored[0]);
    expect(run.deliveries).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After on the send, then sends once", async () => {
    graph.injectFault("sendMessage", { kind: "throttle", retryAfter: "1" });
    const started = Date.now();
    const run = await observe(() => gateway().sendRecap(identity, recap()));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual(["createMessage:201", "sendMessage:429", "sendMessage:202"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(run.requests[2]?.headers["retry-attempt"]).toBe("1");
    expect(run.deliveries).toHaveLength(1);
  });

  it("does not blindly retry a 503 on the send: checks the draft, then sends once", async () => {
    graph.injectFault("sendMessage", { kind: "unavailable", retryAfter: "0" });
    const run = await observe(() => gateway().sendRecap(identity, recap()));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual([
      "createMessage:201",
      "sendMessage:503",
      "getMessage:200",
      "getMessage:200",
      "sendMessage:202",
    ]);
    expect(run.requests[2]?.query.$select).toBe("isDraft,sentDateTime");
    expect(run.deliveries).toHaveLength(1);
  });

  it("a connection dropped after the send was accepted: sees the sent item, does not send again", async () => {
    graph.injectFault("sendMessage", { kind: "dropAfterAccept" });
    const run = await observe(() => gateway().sendRecap(identity, recap()));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual(["createMessage:201", "sendMessage:dropped", "getMessage:200"]);
    expect(run.deliveries).toHaveLength(1);
    const message = graph.mailbox.messages.get(run.value?.messageId ?? "");
    expect(run.value?.sentAt).toBe(message?.sentDateTime);
  });

  it("a connection dropped before the send was accepted: finds the draft unsent and sends it once", async () => {
    graph.injectFault("sendMessage", { kind: "dropBeforeAccept" });
    const run = await observe(() => gateway().sendRecap(identity, recap()));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual(["createMessage:201", "sendMessage:dropped", "getMessage:200", "getMessage:200", "sendMessage:202"]);
    expect(run.deliveries).toHaveLength(1);
  });

  it("gives up after the configured attempts when every send fails, having sent nothing", async () => {
    graph.injectFault("sendMessage", { kind: "unavailable", retryAfter: "0" }, 3);
    const run = await observe(() => gateway().sendRecap(identity, recap()));

    expect(run.error).toBeInstanceOf(GraphRequestFailed);
    expect((run.error as GraphRequestFailed).status).toBe(503);
    expect(run.routes.filter((r) => r.startsWith("sendMessage"))).toHaveLength(3);
    expect(run.deliveries).toHaveLength(0);
  });

  it("retries a throttled or dropped draft creation (an extra draft is never sent)", async () => {
    graph.injectFault("createMessage", { kind: "throttle", retryAfter: "0" });
    graph.injectFault("createMessage", { kind: "dropAfterAccept" });
    const run = await observe(() => gateway().sendRecap(identity, recap()));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual(["createMessage:429", "createMessage:dropped", "createMessage:201", "sendMessage:202"]);
    expect(run.deliveries).toHaveLength(1);
    expect(run.deliveries[0]?.messageId).toBe(run.value?.messageId);
  });

  it("with an existing draft that was already sent, returns it without sending", async () => {
    let draftId = "";
    await gateway().sendRecap(identity, recap({ onDraftCreated: (id) => Promise.resolve(void (draftId = id)) }));
    const run = await observe(() => gateway().sendRecap(identity, recap({ existingDraftId: draftId })));

    expect(run.error).toBeUndefined();
    expect(run.routes).toEqual(["getMessage:200"]);
    expect(run.value?.messageId).toBe(draftId);
    expect(run.deliveries).toHaveLength(0);
  });

  it("with an existing draft still unsent (earlier attempt stopped after storing it), sends that draft", async () => {
    let draftId = "";
    const failed = await observe(() =>
      gateway().sendRecap(identity, recap({
        onDraftCreated: (id) => {
          draftId = id;
          return Promise.reject(new Error("database unavailable"));
        },
      })),
    );
    expect(String(failed.error)).toContain("database unavailable");
    expect(failed.deliveries).toHaveLength(0);

    const run = await observe(() => gateway().sendRecap(identity, recap({ existingDraftId: draftId })));
    expect(run.routes).toEqual(["getMessage:200", "getMessage:200", "sendMessage:202"]);
    expect(run.deliveries.map((d) => d.messageId)).toEqual([draftId]);
  });

  it("with an existing draft that is gone, refuses to guess", async () => {
    const run = await observe(() => gateway().sendRecap(identity, recap({ existingDraftId: "AAMkAGI2-gone=" })));
    expect(run.error).toBeInstanceOf(RecapDeliveryUnknown);
    expect(run.routes).toEqual(["getMessage:404", "getMessage:404"]);
    expect(run.deliveries).toHaveLength(0);
  });

  it("keeps ConsentRequired from the token provider as it is (not a GraphError)", async () => {
    const consent = new ConsentRequired("consent_required", undefined, ["https://graph.microsoft.com/.default"]);
    const refusing: GraphTokenProvider = { getGraphToken: () => Promise.reject(consent) };
    const run = await observe(() => gateway(refusing).sendRecap(identity, recap()));

    expect(run.error).toBe(consent);
    expect(run.requests).toHaveLength(0);
  });
});
