// Resource-specific permissions the manifest may request, with the types Microsoft supports for each.
// The schema accepts any name and either type, so a typo or a wrong type only shows up at install.
// Sources: learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent
// ("RSC permissions for a chat or meeting") and /office/dev/add-ins/outlook/understanding-outlook-add-in-permissions.

export type RscType = "Application" | "Delegated";

const APP: readonly RscType[] = ["Application"];
const DELEGATED: readonly RscType[] = ["Delegated"];
const BOTH: readonly RscType[] = ["Application", "Delegated"];

export const KNOWN_RSC_PERMISSIONS: Readonly<Record<string, readonly RscType[]>> = {
  // Chats and the meetings attached to them
  "Calls.AccessMedia.Chat": APP,
  "Calls.JoinGroupCalls.Chat": APP,
  "Chat.Manage.Chat": APP,
  "ChatMember.Read.Chat": APP,
  "ChatMessage.Read.Chat": APP,
  "ChatMessage.Send.Chat": APP,
  "ChatMessageReadReceipt.Read.Chat": APP,
  "ChatSettings.Read.Chat": APP,
  "ChatSettings.ReadWrite.Chat": APP,
  "OnlineMeeting.ReadBasic.Chat": APP,
  "OnlineMeetingNotification.Send.Chat": APP,
  "OnlineMeetingRecording.Read.Chat": APP,
  "OnlineMeetingTranscript.Read.Chat": APP,
  "TeamsActivity.Send.Chat": APP,
  "TeamsAppInstallation.Read.Chat": APP,
  "TeamsTab.Create.Chat": APP,
  "TeamsTab.Delete.Chat": APP,
  "TeamsTab.Read.Chat": APP,
  "TeamsTab.ReadWrite.Chat": APP,
  "OnlineMeetingParticipant.Read.Chat": BOTH,
  "InAppPurchase.Allow.Chat": DELEGATED,
  "LiveShareSession.ReadWrite.Chat": DELEGATED,
  "MeetingParticipantReaction.Read.Chat": DELEGATED,
  "MeetingStage.Write.Chat": DELEGATED,
  "OnlineMeetingActiveSpeaker.Read.Chat": DELEGATED,
  "OnlineMeetingAudioVideo.Stream.Chat": DELEGATED,
  "OnlineMeetingIncomingAudio.Detect.Chat": DELEGATED,
  "OnlineMeetingParticipant.ToggleIncomingAudio.Chat": DELEGATED,
  // The signed-in user
  "TeamsActivity.Send.User": APP,
  "TeamsAppInstallation.Read.User": APP,
  // Outlook add-in permission levels in the unified manifest
  "MailboxItem.Restricted.User": DELEGATED,
  "MailboxItem.Read.User": DELEGATED,
  "MailboxItem.ReadWrite.User": DELEGATED,
  "Mailbox.ReadWrite.User": DELEGATED,
  "Mailbox.AppendOnSend.User": DELEGATED,
  "Mailbox.SharedFolder": DELEGATED,
};
