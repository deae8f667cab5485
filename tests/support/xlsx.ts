import readXlsxFile from 'read-excel-file/node';

/** A spreadsheet's sheets as read-excel-file gives them: numbers, dates and texts as typed cells. */
export async function readWorkbook(file: Buffer): Promise<{ sheet: string; data: unknown[][] }[]> {
  return readXlsxFile(file);
}
