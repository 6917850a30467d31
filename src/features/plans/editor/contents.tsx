// The editor's table of contents: a long plan (Ea Súp: 37,000 px, 329 tasks and indicators) is read
// and edited by jumping to a group of indicators or a task group. Sticky beside the editor on wide
// screens; folded above it on narrow ones. Plain links to the rows' ids, so it works without script.

type Entry = { id: string; label: string };

function Links({ general, indicators, tasks, issue }: ContentsProps) {
  const link = "block truncate rounded px-2 py-0.5 hover:bg-stone-100";
  return (
    <ol className="space-y-1 text-sm">
      {general ? (
        <li>
          <a href="#general" className={`${link} font-semibold`}>
            Thông tin chung
          </a>
        </li>
      ) : null}
      {issue ? (
        <li>
          <a href="#issue" className={`${link} font-semibold`}>
            Ban hành
          </a>
        </li>
      ) : null}
      <li>
        <a href="#edit-indicators" className={`${link} font-semibold`}>
          Chỉ tiêu
        </a>
        <ol className="ml-2 border-l border-stone-200">
          {indicators.map((g) => (
            <li key={g.id}>
              <a href={`#indicator-${g.id}`} className={link} title={g.label}>
                {g.label}
              </a>
            </li>
          ))}
        </ol>
      </li>
      <li>
        <a href="#edit-tasks" className={`${link} font-semibold`}>
          Nhiệm vụ, giải pháp
        </a>
        <ol className="ml-2 border-l border-stone-200">
          {tasks.map((t) => (
            <li key={t.id}>
              <a href={`#task-${t.id}`} className={link} title={t.label}>
                {t.label}
              </a>
            </li>
          ))}
        </ol>
      </li>
    </ol>
  );
}

type ContentsProps = { general: boolean; issue: boolean; indicators: Entry[]; tasks: Entry[] };

export function EditorContents(props: ContentsProps) {
  return (
    <nav aria-label="Mục lục" className="text-stone-800">
      <details className="rounded-lg border border-stone-200 bg-white p-2 lg:hidden">
        <summary className="cursor-pointer text-sm font-semibold">Mục lục</summary>
        <Links {...props} />
      </details>
      <div className="hidden max-h-[calc(100vh-2rem)] overflow-y-auto rounded-lg border border-stone-200 bg-white p-2 lg:sticky lg:top-4 lg:block">
        <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-stone-500">Mục lục</p>
        <Links {...props} />
      </div>
    </nav>
  );
}
