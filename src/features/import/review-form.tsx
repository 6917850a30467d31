"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useMemo, useState } from "react";
import { documentKindLabel, type DocumentKind } from "@/domain/document-number";
import type { ActionState } from "@/server/actions";
import type { Extraction, SourceRange } from "./parse-document";
import type { ParentSuggestion } from "./queries";
import {
  byItem,
  errorsByItem,
  milestoneYears,
  toDocument,
  toModel,
  type HeaderModel,
  type IndicatorModel,
  type ReviewModel,
  type TaskModel,
} from "./review-model";
import { confirmImportAction } from "./server-actions";

// The review screen: the source on the left with line numbers, what was read on the right. Every
// item can show the lines it came from; what could not be read clearly is marked; the user corrects,
// picks the parent and confirms. Nothing is saved before "Xác nhận".

import {
  input,
  KINDS,
  SECTION_LABELS,
  UNCLEAR,
  IndicatorRows,
  Problem,
  SourceButton,
  SourcePane,
  TaskRow,
  type Select,
} from "./review-rows";

function updateTree<T extends { uid: string; children: T[] }>(list: T[], uid: string, patch: Partial<T>): T[] {
  let changed = false;
  const next = list.map((item) => {
    if (item.uid === uid) {
      changed = true;
      return { ...item, ...patch };
    }
    if (!uid.startsWith(`${item.uid}.`)) return item;
    const children = updateTree(item.children, uid, patch);
    if (children === item.children) return item;
    changed = true;
    return { ...item, children };
  });
  return changed ? next : list;
}

function HeaderField({
  label,
  children,
  message,
  error,
}: {
  label: string;
  children: React.ReactNode;
  message?: string;
  error?: string;
}) {
  return (
    <label className="block text-sm font-semibold">
      {label}
      {children}
      <Problem message={message} error={error} />
    </label>
  );
}

export function ReviewForm({
  extraction,
  suggestions,
  parents,
  onRestart,
}: {
  extraction: Extraction;
  suggestions: ParentSuggestion[];
  parents: { id: string; number: string; title: string }[];
  onRestart: () => void;
}) {
  const router = useRouter();
  const [model, setModel] = useState<ReviewModel>(() => toModel(extraction.document, extraction.unclear));
  const [selected, setSelected] = useState<SourceRange | null>(null);
  const implemented = extraction.cited.find((c) => c.implements);
  const [parentId, setParentId] = useState<string>(
    () => suggestions.find((s) => s.citedAs === implemented?.number)?.id ?? suggestions[0]?.id ?? "",
  );
  const [state, formAction, pending] = useActionState<ActionState<{ planId: string }>, FormData>(confirmImportAction, {
    status: "idle",
  });

  const sources = useMemo(() => byItem(extraction.sources), [extraction]);
  const marks = useMemo(() => byItem(extraction.unclear), [extraction]);
  const years = useMemo(() => milestoneYears(extraction), [extraction]);
  const built = useMemo(() => toDocument(model), [model]);
  const errors = useMemo(
    () => (state.status === "error" ? errorsByItem(state.fieldErrors, built.paths) : {}),
    [state, built.paths],
  );
  const headerErrors = errors[""] ?? {};
  const headerMarks = marks[""] ?? {};
  const headerSources = sources[""] ?? {};

  const onSelect = useCallback<Select>((range) => setSelected(range ?? null), []);
  const onTask = useCallback(
    (uid: string, patch: Partial<TaskModel>) => setModel((m) => ({ ...m, tasks: updateTree(m.tasks, uid, patch) })),
    [],
  );
  const onIndicator = useCallback(
    (uid: string, patch: Partial<IndicatorModel>) =>
      setModel((m) => ({ ...m, indicators: updateTree(m.indicators, uid, patch) })),
    [],
  );
  const setHeader = (patch: Partial<HeaderModel>) => setModel((m) => ({ ...m, header: { ...m.header, ...patch } }));

  useEffect(() => {
    if (state.status === "ok") router.push(`/plans/${state.data.planId}`);
  }, [state, router]);

  const { header } = model;
  const unclearCount = Object.keys(extraction.unclear).length;
  const others = parents.filter((p) => !suggestions.some((s) => s.id === p.id));

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="lg:sticky lg:top-2 lg:self-start">
        <h2 className="mb-2 text-lg font-semibold">Văn bản gốc</h2>
        <SourcePane lines={extraction.lines} selected={selected} />
        <p className="mt-1 text-xs text-stone-500">
          {extraction.lines.length} dòng. Bấm “Xem nguồn” ở một mục để tô sáng các dòng của mục đó.
        </p>
      </div>

      <form action={formAction} className="space-y-6" aria-label="Kiểm tra và xác nhận nội dung đã đọc">
        <input type="hidden" name="document" value={JSON.stringify(built.document)} />
        <section className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <h2 className="text-lg font-semibold">Kiểm tra nội dung đã đọc</h2>
          <p>
            Đã đọc {extraction.counts.tasks} nhiệm vụ ({extraction.counts.assignments} lượt giao cơ quan,{" "}
            {extraction.counts.timeframes} thời gian thực hiện), {extraction.counts.indicators} chỉ tiêu với{" "}
            {extraction.counts.targets} mục tiêu.
            {unclearCount ? (
              <strong className="text-amber-900">
                {" "}
                {unclearCount} chỗ cần kiểm tra được đánh dấu “{UNCLEAR}”.
              </strong>
            ) : null}
          </p>
          {extraction.warnings.map((w) => (
            <p key={w} className="rounded bg-amber-50 p-2 text-amber-900">
              {w}
            </p>
          ))}
          <p className="text-stone-600">
            Kết quả sẽ được lưu thành <strong>dự thảo</strong> của đơn vị bạn; chưa có gì được lưu cho đến khi bấm “Xác
            nhận”.
          </p>
          <button type="button" onClick={onRestart} className="text-sm underline">
            Chọn tệp khác
          </button>
        </section>

        <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-3" aria-labelledby="import-header">
          <h2 id="import-header" className="text-lg font-semibold">
            Thông tin văn bản
          </h2>
          <div className="grid gap-3 sm:grid-cols-2">
            <HeaderField label="Loại văn bản" message={headerMarks.kind}>
              <select
                value={header.kind}
                onChange={(e) => setHeader({ kind: e.target.value as DocumentKind })}
                className={input}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {documentKindLabel(k)}
                  </option>
                ))}
              </select>
            </HeaderField>
            <HeaderField label="Khối">
              <select
                value={header.track}
                onChange={(e) => setHeader({ track: e.target.value as "PARTY" | "STATE" })}
                className={input}
              >
                <option value="STATE">Chính quyền</option>
                <option value="PARTY">Đảng</option>
              </select>
            </HeaderField>
            <HeaderField label="Số, ký hiệu" message={headerMarks.number} error={headerErrors.number}>
              <input
                value={header.number}
                onChange={(e) => setHeader({ number: e.target.value })}
                className={input}
                aria-invalid={Boolean(headerErrors.number)}
                placeholder="ví dụ 222-KH/ThU hoặc /KH-UBND"
              />
              <SourceButton range={headerSources.number} onSelect={onSelect} />
            </HeaderField>
            <HeaderField label="Ngày ban hành" message={headerMarks.issuedOn} error={headerErrors.issuedOn}>
              <input
                type="date"
                value={header.issuedOn}
                onChange={(e) => setHeader({ issuedOn: e.target.value })}
                className={input}
                aria-invalid={Boolean(headerErrors.issuedOn)}
              />
              <SourceButton range={headerSources.issuedOn} onSelect={onSelect} />
            </HeaderField>
            <HeaderField label="Địa danh" message={headerMarks.place} error={headerErrors.place}>
              <input value={header.place} onChange={(e) => setHeader({ place: e.target.value })} className={input} />
            </HeaderField>
            <HeaderField label="Cơ quan ban hành (mỗi dòng một cấp)" message={headerMarks.issuerHeader}>
              <textarea
                value={header.issuerHeader}
                onChange={(e) => setHeader({ issuerHeader: e.target.value })}
                rows={2}
                className={input}
              />
            </HeaderField>
          </div>
          <HeaderField label="Trích yếu" message={headerMarks.title} error={headerErrors.title}>
            <textarea
              value={header.title}
              onChange={(e) => setHeader({ title: e.target.value })}
              rows={3}
              className={input}
              aria-invalid={Boolean(headerErrors.title)}
            />
            <SourceButton range={headerSources.title} onSelect={onSelect} />
          </HeaderField>

          <fieldset className="rounded border border-stone-200 p-2">
            <legend className="px-1 text-sm font-semibold">Văn bản cấp trên</legend>
            <label className="block text-sm font-semibold">
              Văn bản cấp trên
              <select
                name="parentId"
                value={parentId}
                onChange={(e) => setParentId(e.target.value)}
                className={input}
                aria-invalid={Boolean(headerErrors.parentId)}
              >
                <option value="">— Không liên kết —</option>
                {suggestions.length ? (
                  <optgroup label="Gợi ý từ các văn bản được trích dẫn">
                    {suggestions.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.number} — {s.issuerName}: {s.title.slice(0, 80)}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {others.length ? (
                  <optgroup label="Các văn bản khác bạn được xem">
                    {others.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.number} — {p.title.slice(0, 80)}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
              <Problem error={headerErrors.parentId} />
            </label>
            {extraction.cited.length ? (
              <ul className="mt-2 space-y-1 text-xs text-stone-700">
                {extraction.cited.map((c, i) => {
                  const found = suggestions.find((s) => s.citedAs === c.number);
                  return (
                    <li key={c.number}>
                      {c.implements ? <strong>Thực hiện: </strong> : "Trích dẫn: "}
                      {c.text} —{" "}
                      {found ? (
                        <span className="text-emerald-800">có trong hệ thống</span>
                      ) : (
                        <span className="text-stone-500">chưa có trong hệ thống bạn xem được</span>
                      )}{" "}
                      <SourceButton range={headerSources[`cited.${i}`]} onSelect={onSelect} />
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="mt-2 text-xs text-stone-500">Văn bản không trích dẫn số văn bản nào để gợi ý.</p>
            )}
          </fieldset>

          <details className="rounded border border-stone-200 p-2 text-sm">
            <summary className="cursor-pointer font-semibold">
              Các phần khác: mở đầu, mục đích, yêu cầu, mục tiêu, tổ chức thực hiện, nơi nhận, người ký
            </summary>
            <div className="mt-2 space-y-3">
              {(Object.keys(SECTION_LABELS) as (keyof HeaderModel["sections"])[]).map((key) => (
                <HeaderField key={key} label={SECTION_LABELS[key]} error={headerErrors[`sections.${key}`]}>
                  <textarea
                    value={header.sections[key] ?? ""}
                    onChange={(e) => setHeader({ sections: { ...header.sections, [key]: e.target.value } })}
                    rows={3}
                    className={input}
                  />
                  <SourceButton range={headerSources[`sections.${key}`]} onSelect={onSelect} />
                </HeaderField>
              ))}
              <div className="grid gap-3 sm:grid-cols-2">
                <HeaderField label="Hạn cấp dưới ban hành kế hoạch">
                  <input
                    value={header.childDeadlines.plans ?? ""}
                    onChange={(e) => setHeader({ childDeadlines: { ...header.childDeadlines, plans: e.target.value } })}
                    className={input}
                  />
                </HeaderField>
                <HeaderField label="Hạn cấp dưới báo cáo">
                  <input
                    value={header.childDeadlines.reports ?? ""}
                    onChange={(e) =>
                      setHeader({ childDeadlines: { ...header.childDeadlines, reports: e.target.value } })
                    }
                    className={input}
                  />
                </HeaderField>
                <HeaderField label="Hình thức ký (KT., TM. …)">
                  <input
                    value={header.signer.signingForm ?? ""}
                    onChange={(e) => setHeader({ signer: { ...header.signer, signingForm: e.target.value } })}
                    className={input}
                  />
                </HeaderField>
                <HeaderField label="Chức vụ người ký">
                  <input
                    value={header.signer.title ?? ""}
                    onChange={(e) => setHeader({ signer: { ...header.signer, title: e.target.value } })}
                    className={input}
                  />
                </HeaderField>
                <HeaderField label="Người ký">
                  <input
                    value={header.signer.name ?? ""}
                    onChange={(e) => setHeader({ signer: { ...header.signer, name: e.target.value } })}
                    className={input}
                  />
                </HeaderField>
              </div>
              <HeaderField label="Nơi nhận (mỗi dòng một nơi)">
                <textarea
                  value={header.recipients}
                  onChange={(e) => setHeader({ recipients: e.target.value })}
                  rows={4}
                  className={input}
                />
                <SourceButton range={headerSources.recipients} onSelect={onSelect} />
              </HeaderField>
            </div>
          </details>
        </section>

        <section className="space-y-2" aria-labelledby="import-tasks">
          <h2 id="import-tasks" className="text-lg font-semibold">
            Nhiệm vụ, giải pháp ({extraction.counts.tasks})
          </h2>
          {model.tasks.length ? (
            <ul className="space-y-2">
              {model.tasks.map((task) => (
                <TaskRow
                  key={task.uid}
                  task={task}
                  depth={0}
                  onChange={onTask}
                  onSelect={onSelect}
                  sources={sources}
                  marks={marks}
                  errors={errors}
                />
              ))}
            </ul>
          ) : (
            <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
              Không tìm thấy nhiệm vụ nào (mục “Nhiệm vụ, giải pháp”). Bạn vẫn có thể xác nhận dự thảo rồi thêm nhiệm vụ
              ở trang Soạn, sửa kế hoạch.
            </p>
          )}
        </section>

        <section className="space-y-2" aria-labelledby="import-indicators">
          <h2 id="import-indicators" className="text-lg font-semibold">
            Chỉ tiêu ({extraction.counts.indicators})
          </h2>
          {model.indicators.length ? (
            <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-sm">
                <caption className="sr-only">Chỉ tiêu đã đọc, sửa được tại chỗ</caption>
                <thead className="bg-stone-100 text-left">
                  <tr>
                    <th scope="col" className="px-1 py-1">
                      Mã
                    </th>
                    <th scope="col" className="px-1 py-1">
                      Chỉ tiêu
                    </th>
                    <th scope="col" className="px-1 py-1">
                      Đơn vị
                    </th>
                    {years.map((y) => (
                      <th key={y} scope="col" className="px-1 py-1">
                        Đến năm {y}
                      </th>
                    ))}
                    <th
                      scope="col"
                      className="px-1 py-1"
                      title="Chỉ tiêu có trong văn bản cấp trên (cột X của phụ lục)"
                    >
                      Cấp trên
                    </th>
                    <th scope="col" className="px-1 py-1">
                      Bỏ
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {model.indicators.map((item) => (
                    <IndicatorRows
                      key={item.uid}
                      item={item}
                      depth={0}
                      years={years}
                      onChange={onIndicator}
                      onSelect={onSelect}
                      sources={sources}
                      marks={marks}
                      errors={errors}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="rounded border border-dashed border-stone-300 bg-white p-3 text-sm text-stone-600">
              Không tìm thấy chỉ tiêu nào. Bạn vẫn có thể xác nhận dự thảo rồi thêm chỉ tiêu ở trang Soạn, sửa kế hoạch.
            </p>
          )}
        </section>

        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow">
          <button
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {pending ? "Đang tạo dự thảo…" : "Xác nhận và tạo dự thảo"}
          </button>
          <p aria-live="polite" className="text-sm">
            {state.status === "error" ? (
              <span className="text-red-700">
                {state.message}
                {headerErrors._form && headerErrors._form !== state.message ? ` ${headerErrors._form}` : ""}
              </span>
            ) : null}
            {state.status === "ok" ? (
              <span className="text-emerald-700">
                Đã tạo dự thảo.{" "}
                <Link href={`/plans/${state.data.planId}`} className="underline">
                  Mở kế hoạch vừa tạo
                </Link>
              </span>
            ) : null}
          </p>
        </div>
      </form>
    </div>
  );
}
