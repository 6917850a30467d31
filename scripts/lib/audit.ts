// Reading `npm audit --json` (npm 7 and later) against the allowlist in security/audit-allowlist.json:
// every high or critical advisory of a production dependency must be fixed or explained there.

export type AuditReport = {
  vulnerabilities?: Record<
    string,
    {
      name: string;
      severity: string;
      via: (string | { source?: number; name?: string; title?: string; url?: string; severity?: string })[];
      fixAvailable?: unknown;
    }
  >;
};

export type Allowed = { advisory: string; package: string; reason: string; until?: string };

export type Finding = { package: string; advisory: string; title: string; severity: string };

const SERIOUS = new Set(["high", "critical"]);

/** The high and critical advisories in a report, one per package and advisory (not the packages that only depend on one). */
export function seriousFindings(report: AuditReport): Finding[] {
  const found = new Map<string, Finding>();
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via) {
      if (typeof via === "string" || !via.severity || !SERIOUS.has(via.severity)) continue;
      const finding = {
        package: via.name ?? vulnerability.name,
        advisory: via.url ?? `advisory ${via.source ?? "?"}`,
        title: via.title ?? "",
        severity: via.severity,
      };
      found.set(`${finding.package} ${finding.advisory}`, finding);
    }
  }
  return [...found.values()];
}

/** Findings the allowlist does not explain (an entry past its `until` date no longer does). */
export function unexplained(findings: Finding[], allowed: Allowed[], today: string): Finding[] {
  return findings.filter(
    (f) =>
      !allowed.some(
        (a) =>
          a.advisory === f.advisory && a.package === f.package && a.reason.trim() && (!a.until || a.until >= today),
      ),
  );
}
