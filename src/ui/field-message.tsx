/** The message beside a field that was refused; announced to screen readers. */
export function FieldMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <span className="mt-1 block text-sm font-normal text-red-700" role="status">
      {message}
    </span>
  );
}
