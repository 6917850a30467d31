"use server";

import { grantExtension } from "./extension-actions";
import { reviewReport, saveNarrative, setChildReportDeadline, submitReport } from "./report-actions";

// The "use server" entry points: each action's own server function (report-actions.ts declares the
// permission and the pages it refreshes).

export const saveNarrativeAction = saveNarrative.formAction;
export const submitReportAction = submitReport.formAction;
export const reviewReportAction = reviewReport.formAction;
export const setChildDeadlineAction = setChildReportDeadline.formAction;
export const grantExtensionAction = grantExtension.formAction;
