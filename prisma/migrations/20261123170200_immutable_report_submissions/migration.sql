-- A submitted report is a snapshot that never changes: reviewing it records the outcome beside it,
-- and a correction is a new submission. The database holds the line too, not only the code.
CREATE OR REPLACE FUNCTION report_submission_is_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot
     OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW."reportId" IS DISTINCT FROM OLD."reportId"
     OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt"
     OR NEW."submittedById" IS DISTINCT FROM OLD."submittedById" THEN
    RAISE EXCEPTION 'Báo cáo đã gửi không được sửa: hãy gửi một lần mới';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER report_submission_is_immutable
  BEFORE UPDATE ON report_submissions
  FOR EACH ROW EXECUTE FUNCTION report_submission_is_immutable();

REVOKE DELETE ON report_submissions FROM app_user;
