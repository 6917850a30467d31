/** The message beside a field that was refused; announced to screen readers. */
export function FieldMessage({ message, id }: { message?: string; id?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="mt-1 block text-sm font-normal text-red-700" role="status">
      {message}
    </span>
  );
}
