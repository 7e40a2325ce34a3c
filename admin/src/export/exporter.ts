import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';
import { todayInJakarta } from '../format';
import { toCsv, type CsvColumn } from './csv';

/**
 * A list's "Ekspor" button: the rows the list shows (its filters and sort, every page: the data
 * provider pages through the API) as `<fileStem>-<today in Jakarta>.csv`.
 */
export const csvExporter =
  <T extends RaRecord>(fileStem: string, columns: readonly CsvColumn<T>[]): Exporter<T> =>
  (records) =>
    downloadCSV(toCsv(records, columns), `${fileStem}-${todayInJakarta()}`);
