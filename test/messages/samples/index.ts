/** One sample of parameters for every message code: a code without a sample does not compile. */
import type { MessageParams } from "../../../src/core/messages";
import { agingSamples } from "./aging";
import { collectSamples } from "./collect";
import { creditSamples } from "./credit";
import { filesSamples } from "./files";
import { lettersSamples } from "./letters";
import { readSamples } from "./read";
import { reconcileSamples } from "./reconcile";

export const SAMPLES: { [C in keyof MessageParams]: MessageParams[C] } = {
  ...reconcileSamples,
  ...lettersSamples,
  ...readSamples,
  ...collectSamples,
  ...creditSamples,
  ...agingSamples,
  ...filesSamples,
};
