import { Column, ColumnOptions, ColumnType } from 'typeorm';

/**
 * One entity definition serves SQLite and PostgreSQL, but the two disagree on the type of
 * an instant: PostgreSQL should store `timestamptz`, SQLite knows only `datetime`.
 * TypeORM reads a column's type when a DataSource builds its metadata, not when the
 * decorator runs, so the type below is a getter resolved against the dialect that
 * `dataSourceOptions()` selected. One process talks to one kind of database.
 */
let dialect: 'sqlite' | 'postgres' = 'sqlite';

export function useDialect(kind: 'sqlite' | 'postgres'): void {
  dialect = kind;
}

export function timestampType(): ColumnType {
  return dialect === 'postgres' ? 'timestamptz' : 'datetime';
}

/** A point in time, stored with its time zone on PostgreSQL. */
export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({
    ...options,
    get type() {
      return timestampType();
    },
  });
}
