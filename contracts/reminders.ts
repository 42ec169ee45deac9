import { z } from "zod";
import { isoDate } from "./common";

/** The actions a digest's signed links perform (`/api/reminders/:action`). */
export const reminderLinkParams = z.object({ action: z.enum(["done", "move", "mute"]) });

/** The "Move the date" form of a digest link (application/x-www-form-urlencoded). */
export const reminderMoveBody = z.object({ dueDate: isoDate });
