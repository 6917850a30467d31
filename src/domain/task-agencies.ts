// Who answers for a task in reports and progress: a rule of the documents, not of one screen.

/** The agencies answerable for a task: its lead agencies ("chủ trì"), else those advising or directing (Party style). */
export function leadAgencies(
  assignments: { role: string; organization: { id: string; name: string } }[],
): { id: string; name: string }[] {
  for (const role of ["LEAD", "ADVISING", "DIRECTING"]) {
    const list = assignments.filter((a) => a.role === role).map((a) => a.organization);
    if (list.length) return list;
  }
  return [];
}
