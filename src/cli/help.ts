import type { Lang } from "../app/lang";

const ZH: Record<string, string> = {
  "": `对账助手 duizhang：应收账款对账、账龄与催收

用法：duizhang <命令> [选项]

命令：
  sheets FILE                     列出工作簿中的工作表及其行列数
  read FILE                       读取台账或对账单，显示识别出的列、分录、余额和问题
  reconcile --ledger F --statement F
                                  逐笔核对台账与经销商对账单，生成差异明细和余额调节表
  aging --ledger FILE             账龄分析、逾期与催款计划
  letters --ledger FILE           按模板批量生成对账函（每封一页）并登记函证登记簿（--balances 余额表 代替台账）
  demand --ledger FILE            给有逾期款项的经销商生成催款函（提醒函、催款函、最后通知三级）并登记
  promise --ledger FILE --dealer 经销商 --installments N --first 日期
                                  生成还款承诺书及分期还款计划
  credit --applications FILE      信用申请评分、建议额度与账期、信用档案、半年复评、超额度
  credit template --out FILE      生成空白信用申请表（供业务员填写）
  demo                            在自带的示例工作簿上运行对账和账龄，写出结果工作簿
  make-sample                     重新生成自带的示例工作簿

通用选项：--lang zh|en（也可设环境变量 DUIZHANG_LANG），--help
文件可为 .xlsx、.xls（Excel 97-2003）或 .csv（UTF-8 或 GBK）。输入文件从不被修改，结果总是 .xlsx。
按月分表的台账：reconcile、aging、letters、demand、promise、read 可用 --sheet 多次（reconcile 为 --ledger-sheet）
或 --sheets "2026-*" 合为一本，--out 时每张表各复制一份并在各自的行上标记。
出错时在标准错误输出一行说明，退出码为 2。`,
  sheets: `用法：duizhang sheets FILE [--json]
列出工作表名称、行数和列数。`,
  read: `用法：duizhang read FILE [--sheet 名称] [--dealer 经销商] [--map 角色=列名,…] [--as-of YYYY-MM-DD] [--side ledger|statement] [--json] [--entries]
  --sheet    要读的工作表；可写多次（--sheet 2026-07 --sheet 2026-08），按月分表的台账合为一本：期初只取第一张表，
             之后各表的期初/上月结转与结余核对而不重复计入，列结构不同的表逐一指出
  --sheets   用通配符选表，如 "2026-*"、"?月"（按工作簿中的顺序），与 --sheet 二选一
  --map      指定列，如 date=日期,debit=借方,credit=E；角色：date year month day ref voucher description debit credit amount direction balance dealer rep term counterAccount
  --as-of    期末余额计算到该日期为止
  --side     台账（ledger）或经销商对账单（statement）；不写则自动判断
  --entries  JSON 中包含每条分录`,
  reconcile: `用法：duizhang reconcile --ledger FILE [--ledger-sheet 名称] [--dealer 经销商] --statement FILE [--statement-sheet 名称]
                          [--as-of YYYY-MM-DD] [--amount-tolerance 元] [--fee-tolerance 元] [--date-window 天] [--out 结果.xlsx [--force]] [--json] [--matches] [--sides-as-given]
  --balances FILE     用余额表（科目余额表/往来余额表）代替 --ledger：只核对期末余额与对账单是否一致（仅核对余额），逐笔对账需要明细账；
                      --as-of 与表头“截止 …”的日期不同时在 stderr 提示两个日期，JSON 中另有 cutoffMismatch
  --ledger-sheet      台账工作表；可写多次，按月分表的台账合为一本（或用 --sheets "2026-*"）；--out 时每张表各复制一份，
                      差异标在各自那张表的行上
  --as-of             截止日期：之后的分录不参与核对（并列出）
  --amount-tolerance  金额容差（元），默认 0，最大 1,000,000
  --fee-tolerance     手续费容差（元）：无共同单号、日期在窗口内、金额相差不超过此数或金额的 0.5%（取较大者）的两笔，
                      作为一笔款项的金额不符列出，并注明可能原因（银行手续费、现金折扣、尾差）；默认 50，0 为不配对
  --date-window       日期窗口（天，最大 366），默认对账单日期可早 10 天、晚 15 天
  --out               写出新工作簿：两张表的副本（差异行已标色）、差异明细、余额调节表
  --force             --out 的文件已存在时替换它（不加则拒绝，已有文件不动）
  --matches           JSON 中包含配对明细
  --dealer            只核对这一家经销商；不写时，对账单写明是哪家（标题、客户名称）就核对哪家，看不出又有多家时要求指定
  --sides-as-given    台账像对账单、对账单像台账（疑似放反）时仍按所给方向核对；不加则停下并提示对调
退出码：运行完成为 0（无论有无差异），输入有误为 2。`,
  aging: `用法：duizhang aging --ledger FILE [--sheet 名称]… [--sheets 通配符] [--dealer 经销商] [--as-of YYYY-MM-DD] [--term-days N] [--basis due|document] [--buckets 30,60,90,…]
                     [--statement 对账单文件 [--statement-sheet 名称]] [--register FILE] [--json] [--out 结果.xlsx [--force]]
  --sheet      台账工作表，默认为第一张有数据的表；可写多次，按月分表的台账合为一本（或用 --sheets "2026-*"）；
               --out 时每张表各复制一份，每笔款项标在它自己那张表的行上
  --dealer     只看这一家经销商
  --as-of      账龄计算日，默认为今天
  --term-days  没有账期的经销商使用的账期（天）；不写时用工作簿中保存的默认账期，未保存则为 30
               账期依次取自：台账的账期列、工作簿中的“账期表”（或“信用期表”“Terms”，列：经销商/客户名称、账期(天)/信用期）、默认账期
  --basis      按到期日（due，默认）或单据日期（document）划分账龄
  --buckets    账龄区间的上限天数，如 30,60,90,180,365（默认即此）；按到期日时另有“未到期”
  --statement  先将台账与该经销商对账单对账（截止账龄日期）：对账发现的重复记账、金额不符、仅我方入账、无法读取的行
               标为“待核对”，仍计入余额，但不列入催款行动和催款计划，另行列出并注明原因
  --statement-sheet  对账单所在的工作表，默认为第一张有数据的表
  --json       以 JSON 输出（字段名固定，供其他程序读取）
  --register   函证登记簿所在的工作簿（不写时用台账工作簿中的）：回函相符、载明金额的不符回函、催款函签收日期、
               还款承诺书签收日期与付款一样使诉讼时效重新起算；“还款计划”表中的分期逐期与回款核对；
               该工作簿（或台账工作簿）中的“信用档案”表的账期优先于其他账期来源
  --out        写出新工作簿：台账副本（逾期行按阶段标色）、账龄分析、催款计划；输入文件不变
  --force      --out 的文件已存在时替换它（不加则拒绝）
JSON 中每笔未收款项另有 limitationExpires（诉讼时效届满日，到期日或最近一次确认起算三年）、limitationBasis（起算依据及日期）
和 limitationStatus（running / expiring：180 天内届满，行动为取得对方确认 / expired：可能已过诉讼时效，仍列出）。`,
  demand: `用法：duizhang demand --ledger FILE [--sheet 名称]… [--sheets 通配符] [--as-of YYYY-MM-DD] [--dealer 经销商]… [--level auto|1|2|3]
                       [--deadline-days N] [--template FILE[#工作表]] [--register FILE] [--out 结果.xlsx [--force]] [--json]
  --sheet          台账工作表，默认为第一张有数据的表；可写多次（--sheet 2026-07 --sheet 2026-08），按月分表的台账合为一本：
                   期初只取第一张表，之后的期初/上月结转行与结余核对、不重复计入，列结构不同的表逐张指出
  --sheets         用通配符选表，如 "2026-*"（按工作簿中的顺序），与 --sheet 二选一
  --as-of          截至日期，默认为今天；列出截至该日已逾期且未收的款项（待核对的除外），合计即其未收金额
  --dealer         只给这家经销商发函，可重复；不写时给所有有逾期款项的经销商发函
  --level          auto（默认）：最早逾期款项仍在账期三分之一内为 1 提醒函；有款项超过最终收款期限为 2 催款函；
                   登记簿中的二级催款函已过限期而欠款未清、或还款承诺书有一期未按期付款，为 3 最后通知。也可指定 1、2、3
  --deadline-days  限期付款日期 = 截至日期 + N 天，默认 7
  --template       用户自己的模板工作表（各级共用），占位符同对账函，另有 {{等级}}、{{合计}}、{{合计大写}}、{{限期付款日期}}，
                   逾期明细写在 {{#逾期明细}} 与 {{/逾期明细}} 之间（{{单号}}、{{日期}}、{{到期日}}、{{最终收款期限}}、
                   {{逾期天数}}、{{未收金额}}）；不写时用内置的三级模板（均带签收回执）
  --register       已有的函证登记簿工作簿：编号接着续编（CK-YYYYMM-0001），并据其判断是否升为最后通知；该文件不会被修改
  --out            写出新工作簿：每级一张函件表（A4，每封从新的一页开始）、函证登记簿（含等级、限期付款日期、签收日期列）、
                   还款计划、本公司信息；输入文件不变
  --json           以 JSON 输出：asOf、letters（number、dealer、level、total、amountInWords、deadline、items）、skipped`,
  promise: `用法：duizhang promise --ledger FILE [--sheet 名称]… [--sheets 通配符] --dealer 经销商 [--as-of YYYY-MM-DD] [--amount 元]
                        (--installments N --first YYYY-MM-DD [--every 天数|month] | --schedule 日期:金额,…)
                        [--template FILE[#工作表]] [--register FILE] [--out 结果.xlsx [--force]] [--json]
  --sheet          台账工作表，默认为第一张有数据的表；可写多次（--sheet 2026-07 --sheet 2026-08），按月分表的台账合为一本：
                   期初只取第一张表，之后的期初/上月结转行与结余核对、不重复计入，列结构不同的表逐张指出
  --sheets         用通配符选表，如 "2026-*"（按工作簿中的顺序），与 --sheet 二选一
  --amount         承诺金额，默认为该经销商截至日的应收余额
  --installments   分期期数（1 至 120），各期金额精确到分，尾差计入最后一期
  --first          第一期付款日期
  --every          每隔几天一期，或 month（默认，每月同一日；该月没有这一日时取月末）
  --schedule       逐期填写，代替 --installments/--first/--every：如 2026-12-15:5000,2027-01-15:5000（金额为元），
                   日期须逐期递增，各期合计须与承诺金额分毫不差
  --register       已有的函证登记簿工作簿：编号接着续编（CN-YYYYMM-0001）；该文件不会被修改
  --out            写出新工作簿：还款承诺书（A4）、函证登记簿、还款计划（编号、客户名称、期数、日期、金额、实收、状态）、本公司信息
  --json           以 JSON 输出：number、dealer、asOf、amount、amountInWords、installments（n、date、amount、cumulative）`,
  letters: `用法：duizhang letters --ledger FILE|--balances FILE [--sheet 名称]… [--sheets 通配符] [--as-of YYYY-MM-DD] [--dealer 经销商]… [--template FILE[#工作表]]
                        [--register FILE] [--out 结果.xlsx [--force]] [--json]
  --sheet      台账工作表，默认为第一张有数据的表（本公司信息、函证登记簿、模板和对账函表除外）；可写多次，按月分表的台账
               合为一本（期初只取第一张表，结转行只核对不计入，列结构不同的表逐张指出）
  --sheets     用通配符选表，如 "2026-*"（按工作簿中的顺序），与 --sheet 二选一
  --balances   用余额表（科目余额表/往来余额表）代替 --ledger：每封函的余额取该表的期末余额（--as-of 宜写余额表的截止日期；
               与表头“截止 …”的日期不同时在 stderr 提示两个日期，JSON 中另有 cutoffMismatch）
  --as-of      截至日期，默认为今天；每封函的余额是台账截至该日的期末余额（与对账、账龄相同）
  --dealer     只给这家经销商发函，可重复；不写时给截至日余额不为零的所有经销商发函（余额为零的列为未生成并说明原因）
  --template   模板：工作簿中的一张工作表（FILE#工作表；只有一张表时可省略），占位符如 {{客户名称}}、{{余额大写}}，
               {{#明细}} 与 {{/明细}} 之间的行按明细逐行重复；也可写内置模板 积极式（默认）、消极式、含明细。
               未知占位符在生成前报错，指明工作表和单元格
  --register   已有的函证登记簿工作簿：编号接着它续编，同一客户同一截至日尚未发出的函沿用原编号；该文件不会被修改。
               不写时若台账工作簿中有“函证登记簿”则用它
  --out        写出新工作簿：对账函表（A4，每封一页，带模板格式）、函证登记簿（原有行加新行）、本公司信息；输入文件不变
  --force      --out 的文件已存在时替换它（不加则拒绝）
  --json       以 JSON 输出：asOf、letters（number、dealer、balance、direction、amountInWords、sheet、firstRow、lastRow）、
               skipped（dealer、reason）、warnings
本公司信息取自台账或模板工作簿中的“本公司信息”表（两列：项目 | 内容）；缺少的项在函中留空待手填，并给出提示。`,
  credit: `用法：duizhang credit --applications FILE [--ledger FILE [--sheet 名称]] [--balances FILE] [--register FILE] [--scorecard FILE] [--as-of YYYY-MM-DD]
                      [--term-days N] [--out 结果.xlsx [--force]] [--approve 经销商… --approver 姓名 [--approved-on YYYY-MM-DD]] [--json]
      duizhang credit template --out 信用申请表.xlsx [--force]
  --applications  填好的信用申请：工作簿中每张按标签填写的申请表（“客户名称：”等标签，值在右侧或下方），
                  以及以这些标签为表头、一行一家的申请登记表；缺必填项或取值不合规则时指出工作表和单元格并停止
  --ledger        台账：按账龄的核销规则（先按单号核销，再先进先出）计算近 12 个月的按期回款率、逾期记录、月均销售额和当前占用
  --balances      余额表（科目余额表/往来余额表）：占用取各经销商在其截止日期的期末余额，而不是台账余额；截止日期与 --as-of 不同时给出提示
  --register      信用档案（工作表“信用档案”）所在工作簿，默认为申请表工作簿；档案中的额度和账期优先于建议
  --scorecard     评分标准（工作表“评分标准”）所在工作簿，默认为申请表工作簿；都没有时用默认标准，并随 --out 写出供修改
  --term-days     档案和申请都没有账期时使用的账期（天）
  --approve       按建议审批该经销商（可写多次）：写入 --out 结果工作簿中的信用档案（该经销商一行，只写档案各列）；需 --approver
  --approved-on   审批日期，写为评定日期（下次复评日期为其后 6 个月），默认今天；评估日（--as-of）写入档案的“评估日”列
  --out           写出新工作簿：信用评估（得分明细、建议额度的算式、复评和超额度名单）、评分标准、信用档案（超额度行标色）、台账副本（超额度经销商的未收行标色）
  --json          以 JSON 输出：asOf、dealers（dealer、source、score、grade、breakdown、monthlyBase、termDays、suggestedLimit、
                  requestedLimit、limit、limitSource、exposure、status、reviewDue …）、review、exposures、overLimit
template          写出空白“信用申请表”：标签锁定、黄色单元格填写（下拉、日期、整数校验和填写说明），工作表保护（无密码），A4 打印含审批栏。`,
  demo: `用法：duizhang demo [--out 结果.xlsx [--force]] [--as-of YYYY-MM-DD]
在 assets/sample/duizhang-sample.xlsx 上，用同一本台账（应收明细账）和同一个截止日期（默认 2026-10-31）运行对账和账龄，
写出结果工作簿（默认 out/duizhang-demo.xlsx，每次运行时替换）并打印摘要。`,
  "make-sample": `用法：duizhang make-sample [--out 路径 [--force]]
重新生成示例工作簿（默认 assets/sample/duizhang-sample.xlsx）。`,
};

const EN: Record<string, string> = {
  "": `duizhang: receivables reconciliation, aging and collections

Usage: duizhang <command> [options]

Commands:
  sheets FILE                     list the workbook's sheets with their sizes
  read FILE                       read a ledger or a dealer's statement: columns, entries, balances, problems
  reconcile --ledger F --statement F
                                  reconcile a ledger against a dealer's statement item by item
  aging --ledger FILE             aging, overdue items and the collection plan
  letters --ledger FILE           confirmation letters (对账函) from a template, one a page, recorded in the register
                                  (--balances TABLE instead of a ledger)
  demand --ledger FILE            demand letters (提醒函, 催款函, 最后通知) for dealers with overdue items, recorded in the register
  promise --ledger FILE --dealer NAME --installments N --first DATE
                                  a payment commitment (还款承诺书) with its installment plan
  credit --applications FILE      score credit applications: suggested limit and term, register, review, over-limit
  credit template --out FILE      a blank credit application form for reps to fill
  demo                            run reconciliation and aging on the bundled sample workbook
  make-sample                     rebuild the bundled sample workbook

Common options: --lang zh|en (or DUIZHANG_LANG), --help
Files are .xlsx, .xls (Excel 97-2003) or .csv (UTF-8 or GBK). Input files are never modified; results are always .xlsx.
A ledger kept one sheet per month: reconcile, aging, letters, demand, promise and read take --sheet more than once
(--ledger-sheet for reconcile) or --sheets "2026-*" and read the sheets as one; with --out each sheet is copied and
marked on its own rows.
On bad input: one line on stderr and exit status 2.`,
  sheets: `Usage: duizhang sheets FILE [--json]
Lists the sheets with their rows and columns.`,
  read: `Usage: duizhang read FILE [--sheet NAME] [--dealer NAME] [--map role=column,…] [--as-of YYYY-MM-DD] [--side ledger|statement] [--json] [--entries]
  --sheet    the sheet to read; may be given more than once (--sheet 2026-07 --sheet 2026-08): a ledger kept one sheet
             per month is read as one, its opening taken from the first sheet, later 期初/上月结转 rows checked against
             the running balance and not added, and a sheet with other columns named
  --sheets   choose sheets by a pattern, e.g. "2026-*", "?月" (in the workbook's order); instead of --sheet
  --map      choose columns, e.g. date=日期,debit=借方,credit=E; roles: date year month day ref voucher description debit credit amount direction balance dealer rep term counterAccount
  --as-of    closing balance up to this date
  --side     our ledger or the dealer's statement; detected when left out
  --entries  include every entry in the JSON`,
  reconcile: `Usage: duizhang reconcile --ledger FILE [--ledger-sheet NAME] [--dealer NAME] --statement FILE [--statement-sheet NAME]
                          [--as-of YYYY-MM-DD] [--amount-tolerance YUAN] [--fee-tolerance YUAN] [--date-window DAYS] [--out RESULT.xlsx [--force]] [--json] [--matches] [--sides-as-given]
  --balances FILE     a balance table (科目余额表/往来余额表) instead of --ledger: compares the closing balance with the statement's
                      (balances only); item-by-item reconciliation needs the ledger of entries; an --as-of other than the
                      title's 截止 date is said on stderr with both dates, and in the JSON as cutoffMismatch
  --ledger-sheet      the ledger sheet; may be given more than once to read monthly sheets as one ledger (or --sheets "2026-*");
                      with --out each sheet is copied and every difference marked on its own sheet's row
  --as-of             cut-off: later entries are left out (and listed)
  --amount-tolerance  amount tolerance in yuan, default 0, at most 1,000,000
  --fee-tolerance     fee tolerance in yuan: two rows with no reference in common, inside the date window, apart by no more
                      than this or 0.5% of the amount (whichever is larger) are listed as one payment with differing amounts
                      and a likely reason (bank fee, cash discount, rounding); default 50, 0 pairs none
  --date-window       date window in days (at most 366); default: the statement may be 10 days earlier and 15 days later
  --out               write a new workbook: copies of both sheets with differing rows marked, the differences and the reconciliation
  --force             replace the --out file if it exists (without it an existing file is refused and left alone)
  --matches           include the matched pairs in the JSON
  --dealer            only this dealer; when left out, the dealer the statement names (title, 客户名称) is reconciled, and a name is asked for when it cannot be told among several
  --sides-as-given    go on when the ledger looks like a statement and the statement like a ledger (given the wrong way round); without it the run stops and says to swap them
Exit status 0 when it ran (differences or not), 2 on bad input.`,
  aging: `Usage: duizhang aging --ledger FILE [--sheet NAME]… [--sheets GLOB] [--dealer NAME] [--as-of YYYY-MM-DD] [--term-days N] [--basis due|document] [--buckets 30,60,90,…]
                     [--statement FILE [--statement-sheet NAME]] [--register FILE] [--json] [--out RESULT.xlsx [--force]]
  --sheet      the ledger sheet, default the first sheet with data; may be given more than once to read monthly sheets as one
               ledger (or --sheets "2026-*"); with --out each sheet is copied and every item marked on its own sheet's row
  --dealer     only this dealer
  --as-of      aging date, default today
  --term-days  term for dealers without one; default the one saved in the workbook, else 30
               terms come from, in order: the ledger's term column, a sheet named 账期表 (or 信用期表, Terms;
               columns 经销商/客户名称 and 账期(天)/信用期), the default
  --basis      age by due date (due, default) or by document date (document)
  --buckets    upper bounds of the aging buckets in days, e.g. 30,60,90,180,365 (the default); by due date a
               "not yet due" bucket comes first
  --statement  reconcile the ledger against this dealer's statement first (cut off at the aging date): rows it flags
               (duplicate, amount mismatch, only on our ledger, unreadable) are marked 待核对 (under reconciliation):
               still in the balance, kept out of the collection actions and the plan, listed apart with the reason
  --statement-sheet  the statement's sheet, default the first sheet with data
  --json       print JSON (fixed field names, for other tools)
  --register   the workbook holding the 函证登记簿 (default the ledger's own): a 相符 reply, a 不符 reply stating an
               amount, a demand's or a commitment's 签收日期 restart the limitation period as a payment does; the
               installments on its 还款计划 sheet are checked against the receipts; a 信用档案 sheet there (or in the
               ledger's workbook) gives terms before any other source
  --out        write a new workbook: the ledger with overdue rows marked by stage, the aging and the collection plan; the input is not changed
  --force      replace the --out file if it exists (without it an existing file is refused)
In the JSON every open item also has limitationExpires (three years from its due date or the latest acknowledgement),
limitationBasis (what started it, with its date) and limitationStatus (running / expiring: within 180 days, the action
is to get an acknowledgement / expired: possibly time-barred, still listed).`,
  demand: `Usage: duizhang demand --ledger FILE [--sheet NAME]… [--sheets GLOB] [--as-of YYYY-MM-DD] [--dealer NAME]… [--level auto|1|2|3]
                       [--deadline-days N] [--template FILE[#SHEET]] [--register FILE] [--out RESULT.xlsx [--force]] [--json]
  --sheet          the ledger sheet, default the first sheet with data; may be given more than once (--sheet 2026-07
                   --sheet 2026-08) to read monthly sheets as one ledger: the opening from the first sheet, later
                   期初/上月结转 rows checked against the running balance and not added, a sheet with other columns named
  --sheets         choose the sheets by a pattern, e.g. "2026-*" (in the workbook's order); instead of --sheet
  --as-of          as-of date, default today; the letter lists every item open and past due at it (except those under
                   reconciliation), and the total is their open amount
  --dealer         a letter for this dealer only, repeatable; when left out, every dealer with overdue items
  --level          auto (default): 1 (提醒函) while the oldest overdue item is within one third of its term; 2 (催款函)
                   once an item is past its final deadline; 3 (最后通知) when a level-2 letter in the register is past
                   its deadline with the debt still open, or a commitment's installment was missed. Or 1, 2, 3
  --deadline-days  the payment deadline is the as-of date plus N days, default 7
  --template       a template sheet of the user's for every level: the letters' placeholders plus {{等级}}, {{合计}},
                   {{合计大写}}, {{限期付款日期}}, the overdue items between {{#逾期明细}} and {{/逾期明细}}; default the
                   built-in template of each level (each with a 签收回执 strip)
  --register       a workbook holding the register: numbers continue from it (CK-YYYYMM-0001) and it decides a final
                   notice; the file is not changed
  --out            write a new workbook: one letters sheet per level (A4, each letter from a new page), the register
                   (with 等级, 限期付款日期 and 签收日期), 还款计划 and 本公司信息; no input is changed
  --json           print JSON: asOf, letters (number, dealer, level, total, amountInWords, deadline, items), skipped`,
  promise: `Usage: duizhang promise --ledger FILE [--sheet NAME]… [--sheets GLOB] --dealer NAME [--as-of YYYY-MM-DD] [--amount YUAN]
                        (--installments N --first YYYY-MM-DD [--every DAYS|month] | --schedule DATE:AMOUNT,…)
                        [--template FILE[#SHEET]] [--register FILE] [--out RESULT.xlsx [--force]] [--json]
  --sheet          the ledger sheet, default the first sheet with data; may be given more than once (--sheet 2026-07
                   --sheet 2026-08) to read monthly sheets as one ledger: the opening from the first sheet, later
                   期初/上月结转 rows checked against the running balance and not added, a sheet with other columns named
  --sheets         choose the sheets by a pattern, e.g. "2026-*" (in the workbook's order); instead of --sheet
  --amount         the amount acknowledged, default the dealer's balance at the as-of date
  --installments   number of installments (1 to 120), equal to the fen, the last taking the remainder
  --first          the first installment's date
  --every          days between installments, or month (default: the same day each month, the month's end where it lacks it)
  --schedule       installments typed one by one instead of --installments/--first/--every, e.g.
                   2026-12-15:5000,2027-01-15:5000 (yuan); dates rising, adding up to the amount to the fen
  --register       a workbook holding the register: numbers continue from it (CN-YYYYMM-0001); the file is not changed
  --out            write a new workbook: the 还款承诺书 (A4), the register, 还款计划 (编号, 客户名称, 期数, 日期, 金额, 实收, 状态)
                   and 本公司信息
  --json           print JSON: number, dealer, asOf, amount, amountInWords, installments (n, date, amount, cumulative)`,
  letters: `Usage: duizhang letters --ledger FILE|--balances FILE [--sheet NAME]… [--sheets GLOB] [--as-of YYYY-MM-DD] [--dealer NAME]… [--template FILE[#SHEET]]
                        [--register FILE] [--out RESULT.xlsx [--force]] [--json]
  --sheet      the ledger sheet, default the first sheet with data (other than 本公司信息, 函证登记簿, templates and letters);
               may be given more than once to read monthly sheets as one ledger (the opening from the first sheet,
               carry-over rows checked and not added, a sheet with other columns named)
  --sheets     choose the sheets by a pattern, e.g. "2026-*" (in the workbook's order); instead of --sheet
  --balances   a balance table (科目余额表/往来余额表) instead of --ledger: each letter states its closing balance (give the
               table's cut-off as --as-of; when it differs from the title's 截止 date, stderr names both dates and the
               JSON has cutoffMismatch)
  --as-of      cut-off, default today; each letter states the ledger's closing balance at it (as reconcile and aging do)
  --dealer     a letter for this dealer only, repeatable; when left out, every dealer whose balance at the cut-off is not
               zero (zero balances are listed as skipped with the reason)
  --template   the template: a sheet of a workbook (FILE#SHEET; the sheet may be left out when it is the only one) with
               placeholders such as {{客户名称}}, {{余额大写}}, rows between {{#明细}} and {{/明细}} repeated per line; or a
               built-in one: 积极式 (positive, the default), 消极式 (negative), 含明细 (movements). An unknown placeholder
               is refused before anything is made, naming the sheet and the cell
  --register   a workbook holding the register (函证登记簿): numbers continue from it, and a letter for the same dealer
               and cut-off not yet sent keeps its number; the file is not changed. When left out, the ledger
               workbook's own 函证登记簿 is used if it has one
  --out        write a new workbook: the letters sheet (A4, one letter a page, the template's formats), the register
               (its rows plus the new ones) and 本公司信息; no input is changed
  --force      replace the --out file if it exists (without it an existing file is refused)
  --json       print JSON: asOf, letters (number, dealer, balance, direction, amountInWords, sheet, firstRow, lastRow),
               skipped (dealer, reason), warnings
Company details come from a 本公司信息 sheet (项目 | 内容) in the ledger's or the template's workbook; a missing one is
left as a line to fill by hand, with a warning.`,
  credit: `Usage: duizhang credit --applications FILE [--ledger FILE [--sheet NAME]] [--balances FILE] [--register FILE] [--scorecard FILE] [--as-of YYYY-MM-DD]
                      [--term-days N] [--out RESULT.xlsx [--force]] [--approve DEALER… --approver NAME [--approved-on YYYY-MM-DD]] [--json]
       duizhang credit template --out FORM.xlsx [--force]
  --applications  filled applications: every form in the workbook read by its labels (客户名称: …, the value beside or
                  below), and tables with those labels as headers, one dealer a row; a missing required field or a bad
                  value stops the run, naming the sheet and cell
  --ledger        the ledger: on-time payment, overdue record, monthly sales and exposure over the last 12 months,
                  settled as aging settles (named invoices first, then first in, first out)
  --balances      a balance table (科目余额表/往来余额表): exposure is each dealer's closing balance at its cut-off instead of
                  the ledger's; a cut-off other than --as-of is pointed out
  --register      the workbook with the 信用档案 sheet (default: the applications' workbook); its limits and terms rule
  --scorecard     the workbook with the 评分标准 sheet (default: the applications' workbook, else the built-in one,
                  written with --out for editing)
  --approve       approve the suggestion of this dealer (may be given again): written into the 信用档案 of the --out
                  workbook (the dealer's row, the register's columns only); needs --approver
  --approved-on   the day of the approval, written as 评定日期 (下次复评日期 six months on); default today; the as-of
                  date (--as-of) goes to the register's 评估日 column
  --out           a new workbook: 信用评估, 评分标准, 信用档案 (over-limit rows marked), a copy of the ledger (over-limit
                  dealers' open rows marked)
  --json          asOf, dealers (dealer, source, score, grade, breakdown, monthlyBase, termDays, suggestedLimit,
                  requestedLimit, limit, limitSource, exposure, status, reviewDue …), review, exposures, overLimit
template          a blank 信用申请表: labels locked, yellow inputs with drop-downs, date and whole-number checks and
                  input messages, the sheet protected without a password, A4 with the approval lines.`,
  demo: `Usage: duizhang demo [--out RESULT.xlsx [--force]] [--as-of YYYY-MM-DD]
Runs reconciliation and aging on assets/sample/duizhang-sample.xlsx with one ledger (应收明细账) and one cut-off date
(default 2026-10-31), writes a result workbook (default out/duizhang-demo.xlsx, replaced on each run) and prints a summary.`,
  "make-sample": `Usage: duizhang make-sample [--out PATH [--force]]
Rebuilds the sample workbook (default assets/sample/duizhang-sample.xlsx).`,
};

export function helpText(lang: Lang, command?: string): string {
  const texts = lang === "en-US" ? EN : ZH;
  return texts[command ?? ""] ?? texts[""];
}
