// backup.json, written last into every backup folder: what it is and what it holds.
export const BACKUP_FORMAT = 1;

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  kind: "embedded-base-backup" | "pg_dump";
  createdAt: string;
  serverVersionNum: number;
  /** Embedded base backups: the WAL positions of pg_backup_start and pg_backup_stop. */
  startLsn?: string;
  stopLsn?: string;
  bytes?: number;
  migrations: string[];
};
