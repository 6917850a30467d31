"use client";

import { assessment, contradictions, type Milestone } from "@/domain/indicator-assessment";
import { parseTarget, type Direction } from "@/domain/target-notation";

/**
 * How the indicator's status will be computed, as the user edits it, and a warning for each thing
 * in its definition that contradicts another (the rules are src/domain/indicator-assessment.ts).
 */
export function AssessmentNote({
  direction,
  targets,
  testId,
}: {
  direction: Direction;
  targets: Record<string, string>;
  testId: string;
}) {
  const milestones: Milestone[] = Object.entries(targets).flatMap(([year, text]) => {
    const parsed = text.trim() ? parseTarget(text) : null;
    return parsed?.ok ? [{ year: Number(year), target: parsed.target }] : [];
  });
  const rule = assessment(direction, milestones);
  const problems = contradictions(direction, milestones);
  return (
    <div className="space-y-1 text-xs md:col-span-3" data-testid={testId}>
      <p className="text-stone-600">
        Trạng thái tính: <span className="font-semibold">{rule.label}</span>. {rule.reason}
      </p>
      {problems.map((problem) => (
        <p
          key={problem}
          role="alert"
          className="rounded bg-amber-50 px-2 py-1 font-semibold text-amber-900"
          data-testid={`${testId}-conflict`}
        >
          ⚠ {problem}
        </p>
      ))}
    </div>
  );
}
