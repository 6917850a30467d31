"use server";

import { setIndicatorAggregation } from "./aggregation-actions";
import { saveIndicator, dropIndicator, restoreIndicator } from "./indicator-actions";
import { saveChanges } from "./editor-actions";
import { decideParentChange } from "./parent-change-actions";
import { amendPlan, createImplementingPlan, issuePlan, publishPlan, updatePlanHeader } from "./plan-actions";
import { dropTask, moveTask, restoreTask, saveTask } from "./task-actions";

// The "use server" entry points: each action's own server function (the actions, beside the rules
// they apply, declare their permission and the pages they refresh).

export const createImplementingPlanAction = createImplementingPlan.formAction;
export const updatePlanHeaderAction = updatePlanHeader.formAction;
export const issuePlanAction = issuePlan.formAction;
export const amendPlanAction = amendPlan.formAction;
export const publishPlanAction = publishPlan.formAction;
export const saveTaskAction = saveTask.formAction;
export const dropTaskAction = dropTask.formAction;
export const restoreTaskAction = restoreTask.formAction;
export const moveTaskAction = moveTask.formAction;
export const saveIndicatorAction = saveIndicator.formAction;
export const dropIndicatorAction = dropIndicator.formAction;
export const restoreIndicatorAction = restoreIndicator.formAction;
export const decideParentChangeAction = decideParentChange.formAction;
export const saveChangesAction = saveChanges.call;
export const setIndicatorAggregationAction = setIndicatorAggregation.formAction;
