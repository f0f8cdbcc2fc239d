/**
 * "Take back everything": clears every mark the add-in laid on the user's sheets and removes the result
 * sheets it created, after the user confirms. Saved choices are forgotten only when asked.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { UndoResult } from "../../app/undo";
import { CHOICE_SETTING } from "../choice";
import { LEDGER_SHEETS_SETTING } from "../ledger-sheets";
import { useLocale, useServices } from "../context";
import type { Locale } from "../i18n";
import { messageFromFailure } from "../failure";
import type { PaneMessage } from "../messages";
import { ActionNote, useConfirmations } from "./ActionNote";
import { usePaneStore } from "../store";

/** Where the confirmation of taking everything back shows. */
const UNDO_NOTE = "undo-everything";

interface UndoStrings {
  title: string;
  explain: string;
  button: string;
  confirmTitle: string;
  confirmText: string;
  forget: string;
  confirm: string;
  cancel: string;
  done: (r: UndoResult) => string;
}

export const UNDO_STRINGS: Readonly<Record<Locale, UndoStrings>> = {
  "zh-CN": {
    title: "撤销对账助手的改动",
    explain: "清除对账助手在各工作表上的全部标记，并删除它生成的结果表（差异明细、余额调节表、账龄分析、催款计划等）。您自己的数据和格式不受影响。",
    button: "全部撤销…",
    confirmTitle: "撤销对账助手的全部改动？",
    confirmText: "将清除全部标记并删除对账助手生成的结果表。您的工作表、数据和格式保持不变。",
    forget: "同时忘记已保存的列设置、匹配确认和选择",
    confirm: "撤销",
    cancel: "取消",
    done: (r) =>
      `已清除全部标记${r.sheetsRemoved.length > 0 ? `，删除结果表：${r.sheetsRemoved.join("、")}` : "，没有需要删除的结果表"}${r.settingsForgotten.length > 0 ? "，并忘记了已保存的设置" : ""}。`,
  },
  "en-US": {
    title: "Take back the add-in's changes",
    explain: "Clears every mark the add-in laid on your sheets and deletes the result sheets it created (differences, reconciliation, aging, collection plan). Your own data and formats are not affected.",
    button: "Take back all…",
    confirmTitle: "Take back all of the add-in's changes?",
    confirmText: "Every mark is cleared and the result sheets the add-in created are deleted. Your sheets, data and formats stay as they are.",
    forget: "Also forget saved column choices, confirmed matches and choices",
    confirm: "Take back",
    cancel: "Cancel",
    done: (r) =>
      `All marks cleared${r.sheetsRemoved.length > 0 ? `; result sheets deleted: ${r.sheetsRemoved.join(", ")}` : "; there were no result sheets to delete"}${r.settingsForgotten.length > 0 ? "; saved settings forgotten" : ""}.`,
  },
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  explain: { color: tokens.colorNeutralForeground3 },
});

export interface UndoPanelProps {
  report: (message: PaneMessage) => void;
  /** Told after the workbook changed, so the pane lists its sheets again. */
  onDone: () => void;
}

export function UndoPanel({ report, onDone }: UndoPanelProps): JSX.Element {
  const styles = useStyles();
  const { port, useCases } = useServices();
  const locale = useLocale();
  const s = UNDO_STRINGS[locale];
  const [open, setOpen] = useState(false);
  const [forget, setForget] = useState(false);
  const [busy, setBusy] = useState(false);
  const { confirm, startAction } = useConfirmations();
  const store = usePaneStore();

  const run = async () => {
    startAction();
    setBusy(true);
    try {
      const result = await useCases.undoEverything(port, { forgetSettings: forget, extraSettings: [CHOICE_SETTING, LEDGER_SHEETS_SETTING] });
      // Every mark is gone: the results and legends must stop saying they are in the sheets.
      store.dispatch({ type: "marks", reconcile: store.get().marks.reconcile === null ? null : "cleared", aging: null });
      confirm(UNDO_NOTE, (lang) => UNDO_STRINGS[lang].done(result));
      setOpen(false);
      onDone();
    } catch (err) {
      report(messageFromFailure(err, "undo"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="undo-heading" data-testid="undo-panel">
      <Text id="undo-heading" className={styles.heading}>
        {s.title}
      </Text>
      <Text size={200} className={styles.explain}>
        {s.explain}
      </Text>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button data-testid="undo-open" disabled={busy}>
            {s.button}
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>
              <Text block>{s.confirmText}</Text>
              <Checkbox checked={forget} onChange={(_, d) => setForget(d.checked === true)} label={s.forget} />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{s.cancel}</Button>
              </DialogTrigger>
              <Button appearance="primary" onClick={() => void run()} disabled={busy} data-testid="undo-confirm">
                {s.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ActionNote at={UNDO_NOTE} />
    </section>
  );
}
