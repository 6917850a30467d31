"use server";

import { markAllNotificationsRead, markNotificationRead } from "./notification-actions";

export const markNotificationReadAction = markNotificationRead.formAction;
export const markAllNotificationsReadAction = markAllNotificationsRead.formAction;
