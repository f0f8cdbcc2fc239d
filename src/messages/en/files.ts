/** Problems reading or writing a workbook file (English): which file or sheet, what is wrong, what to do. */
import type { FileMessages } from "../../core/files/messages";
import type { MessageTable } from "../table";

export const filesEn: MessageTable<FileMessages> = {
  "xlsx.damaged":
    "cannot read {file}: not a valid .xlsx file ({why:msg}; it may be damaged or incomplete). Open it in Excel and, if it looks right, save it as a new .xlsx file; if a system exported it or it was downloaded, export or download it again",
  "xlsx.damaged.directory": "its zip directory is missing or damaged",
  "xlsx.damaged.part": "part {part} cannot be unpacked",
  "xlsx.damaged.method": "part {part} uses compression method {method}, which is not supported",
  "xlsx.damaged.missing": "part {part} is missing",
  "xlsx.damaged.content": "its contents cannot be read as a workbook",
  "xlsx.encrypted":
    "part {part} of {file} is locked with a zip password and cannot be read (not Excel's own password to open, and Excel cannot open it either): save it again without the password in the program that made or sent it, or ask for a copy of the .xlsx file without one",
  "xlsx.too_large":
    "{file} inflates far beyond any real workbook ({why:msg}): it may be a zip bomb and was not read. If it really is a workbook, open it in Excel, remove what is not needed or split it into several files, and save it again",
  "xlsx.too_large.total": "over {limit} in all",
  "xlsx.too_large.ratio": "part {part} is compressed {ratio} to 1",
  "xlsx.too_large.declared": "part {part} inflates past the size it declares",
  "xlsx.open.not_found": "file not found: {file}",
  "xlsx.open.unreadable": "cannot read {file}: check that it exists and that you may read it, or copy it elsewhere and try again",
  "xlsx.save.input": "{file} is the input file, and Duizhang never writes into its input: choose another name for the result",
  "xlsx.sheet_too_large":
    'sheet "{sheet}" has {rows} rows × {columns} columns, more than an .xlsx sheet holds ({maxRows} × {maxColumns}), so it cannot be written to the result workbook: narrow it (one dealer, or a shorter period) and try again',
  "xlsx.sheet_twins":
    "{file} has sheets whose names differ only in case ({sheets:list}), which Excel does not allow, so they cannot be copied into a result workbook or marked: rename one of them in the program that made the file and try again; to read them only (without --out), name each exactly as the workbook writes it",
  "sheet.ambiguous":
    '"{sheet}" could be any of the sheets {sheets:list} of {file}, whose names differ only in case (sheet names are compared without case, as in Excel): write the name exactly as the workbook does, or rename one of them in the program that made the file and try again',
  "xlsx.streamed.write_only":
    "the result workbook is written to its file sheet by sheet as it is made (so it is for a CSV or .xls ledger with --out), and what it has written ({sheets:list}) cannot be read back, changed or deleted: save the ledger as .xlsx in Excel and run again (the result workbook is then made whole before it is saved), or leave out --out to see the results only",
  "xlsx.streamed.marks_last":
    'the result workbook is written to its file sheet by sheet as it is made (so it is for a CSV or .xls ledger with --out), and only the sheet written last can be marked, which sheet "{sheet}" is not: save the ledger as .xlsx in Excel and run again, or leave out --out to see the results only',
  "xlsx.streamed.whole_sheets":
    'the result workbook is written to its file sheet by sheet as it is made (so it is for a CSV or .xls ledger with --out), each sheet whole and once, so no cells can be written into sheet "{sheet}" afterwards: save the ledger as .xlsx in Excel and run again, or leave out --out to see the results only',
  "xlsx.streamed.layout":
    'the result workbook is written to its file sheet by sheet as it is made (so it is for a CSV or .xls ledger with --out), which cannot write sheet "{sheet}" from a template, as a form or at a chosen place: save the ledger as .xlsx in Excel and run again, or leave out --out to see the results only',
  "xlsx.streamed.finished": 'the result workbook has already been saved or given up, so nothing more ("{what}") can be written into it: run the command again to make a new one',
  "xlsx.write.part_too_large":
    'part "{part}" of the result workbook is over 4 GiB, more than an .xlsx file can hold, so it cannot be written and no result file was left: make the result smaller (one dealer with --dealer, or a ledger of a shorter period) and try again',
  "xlsx.text_cut":
    'the text in row {row}, column {column} of sheet "{sheet}" of {file} has {length} characters, more than an Excel cell holds ({limit}), so its copy in the result workbook has only its beginning, ending in "…"; the full text is still in the source file {file}',
  "xlsx.text_cut.result":
    'the text in row {row}, column {column} of result sheet "{sheet}" has {length} characters, more than an Excel cell holds ({limit}), so only its beginning was written, ending in "…"; the full text is still in the source file, in the row this one was made from',
  "xlsx.text_cut.more": "{count} more texts were cut the same way",
  "port.read_only":
    'sheet "{sheet}" is in {kind:msg}, which can only be read, so Duizhang cannot {action:msg} there: give an .xlsx workbook for the results (on the command line, --out RESULT.xlsx), or save the file as .xlsx in Excel and try again',
  "port.kind.csv": "a CSV file",
  "port.kind.xls": "an old Excel (.xls) workbook",
  "port.kind.other": "a read-only workbook",
  "port.action.results": "write the results",
  "port.action.letters": "write the confirmation letters and the register",
  "port.action.demand": "write the demand letters and the register",
  "port.action.promise": "write the payment commitment, its 还款计划 and the register",
};
