/** 读取、写入工作簿文件时的问题（中文）：哪个文件或工作表、出了什么问题、该怎么办。 */
import type { FileMessages } from "../../core/files/messages";
import type { MessageTable } from "../table";

export const filesZh: MessageTable<FileMessages> = {
  "xlsx.damaged":
    "无法读取 {file}：不是有效的 .xlsx 文件（{why:msg}；文件可能已损坏或不完整）。请在 Excel 中打开，确认内容无误后另存为新的 .xlsx 文件再试；若文件是系统导出或下载的，请重新导出或下载",
  "xlsx.damaged.directory": "压缩包目录缺失或损坏",
  "xlsx.damaged.part": "部件“{part}”无法解压",
  "xlsx.damaged.method": "部件“{part}”使用了不支持的压缩方式 {method}",
  "xlsx.damaged.missing": "缺少部件“{part}”",
  "xlsx.damaged.content": "内容无法按工作簿读取",
  "xlsx.encrypted": "{file} 的部件“{part}”设了压缩包密码，无法读取（Excel 的打开密码不是这样加的，Excel 也打不开它）：请在生成或发来这个文件的程序里去掉密码后重新保存，或向对方要一份不带密码的 .xlsx 文件再试",
  "xlsx.too_large":
    "{file} 解压后的内容远超任何真实工作簿（{why:msg}），可能是恶意构造的压缩包，已拒绝读取。若它确是工作簿，请在 Excel 中打开，删去不需要的内容或拆分成几个文件后另存再试",
  "xlsx.too_large.total": "解压后合计超过 {limit}",
  "xlsx.too_large.ratio": "部件“{part}”的压缩比达 {ratio}:1",
  "xlsx.too_large.declared": "部件“{part}”解压后超过它声明的大小",
  "xlsx.open.not_found": "找不到文件：{file}",
  "xlsx.open.unreadable": "无法读取 {file}：请检查文件是否存在、是否有读取权限，或把它复制到别处再试",
  "xlsx.save.input": "{file} 是输入文件，对账助手从不写入输入文件：请为结果另选一个文件名",
  "xlsx.sheet_too_large":
    "工作表“{sheet}”有 {rows} 行 × {columns} 列，超出 .xlsx 工作表的上限（{maxRows} 行 × {maxColumns} 列），无法写入结果工作簿：请缩小范围（例如只选一个经销商或更短的期间）后再试",
  "xlsx.sheet_twins":
    "{file} 中有几张工作表的名称只差大小写（{sheets:list}），Excel 不允许这样，也就无法照抄到结果工作簿或在其中标记：请在生成这个文件的程序里把其中一张改名后再试；只读取、不写结果（不加 --out）时可照工作簿里的写法逐字指定工作表",
  "sheet.ambiguous":
    "{file} 中有几张工作表的名称只差大小写（{sheets:list}），工作表名称又不分大小写（与 Excel 相同），“{sheet}”分不清指的是哪一张：请照工作簿里的写法逐字写出名称，或在生成这个文件的程序里把其中一张改名后再试",
  "xlsx.streamed.write_only":
    "结果工作簿是边生成边逐表写入文件的（CSV 或 .xls 台账加 --out 时如此），已写入的工作表（{sheets:list}）不能再读回、修改或删除：请在 Excel 中把台账另存为 .xlsx 后再运行（结果工作簿会整体生成后再保存），或去掉 --out 只看结果",
  "xlsx.streamed.marks_last":
    "结果工作簿是边生成边逐表写入文件的（CSV 或 .xls 台账加 --out 时如此），只能给最后写入的那张工作表标色，“{sheet}”不是这一张，无法标色：请在 Excel 中把台账另存为 .xlsx 后再运行，或去掉 --out 只看结果",
  "xlsx.streamed.whole_sheets":
    "结果工作簿是边生成边逐表写入文件的（CSV 或 .xls 台账加 --out 时如此），每张工作表一次整体写入，之后不能再向工作表“{sheet}”写入单元格：请在 Excel 中把台账另存为 .xlsx 后再运行，或去掉 --out 只看结果",
  "xlsx.streamed.layout":
    "结果工作簿是边生成边逐表写入文件的（CSV 或 .xls 台账加 --out 时如此），无法按模板、表单或指定位置写入工作表“{sheet}”：请在 Excel 中把台账另存为 .xlsx 后再运行，或去掉 --out 只看结果",
  "xlsx.streamed.finished": "结果工作簿已经保存或已放弃，不能再写入任何内容（“{what}”）：请重新运行命令生成新的结果工作簿",
  "xlsx.write.part_too_large":
    "结果工作簿的部件“{part}”超过 4 GiB，超出 .xlsx 文件能存放的大小，无法写入，也没有留下结果文件：请缩小结果（例如用 --dealer 只选一个经销商，或只用较短期间的台账）后再试",
  "xlsx.text_cut":
    "{file} 工作表“{sheet}”第 {row} 行 {column} 列的文字有 {length} 个字符，超过 Excel 单元格的上限（{limit} 个），结果工作簿里的副本只写入了开头部分，以“…”结尾；全文仍在源文件 {file} 中",
  "xlsx.text_cut.result":
    "结果表“{sheet}”第 {row} 行 {column} 列的文字有 {length} 个字符，超过 Excel 单元格的上限（{limit} 个），只写入了开头部分，以“…”结尾；全文仍在源文件中，在这一行所依据的那一行",
  "xlsx.text_cut.more": "另有 {count} 处文字同样被截断",
  "port.read_only":
    "工作表“{sheet}”所在的文件（{kind:msg}）只能读取，无法{action:msg}：请另给一个 .xlsx 工作簿接收结果（命令行加 --out 结果.xlsx），或在 Excel 中把它另存为 .xlsx 后再试",
  "port.kind.csv": "CSV 文件",
  "port.kind.xls": "旧版 Excel (.xls) 工作簿",
  "port.kind.other": "只读的工作簿",
  "port.action.results": "把结果写进去",
  "port.action.letters": "写入对账函和函证登记簿",
  "port.action.demand": "写入催款函和函证登记簿",
  "port.action.promise": "写入还款承诺书、还款计划和函证登记簿",
};
