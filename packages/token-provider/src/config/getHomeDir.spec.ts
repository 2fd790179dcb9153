import { getHomeDir as sdkGetHomeDir } from "@smithy/shared-ini-file-loader";
import { homedir } from "node:os";
import { getHomeDir } from "./getHomeDir.js";

const VARIABLES = ["HOME", "USERPROFILE", "HOMEPATH", "HOMEDRIVE"] as const;
type Environment = Partial<Record<(typeof VARIABLES)[number], string>>;

describe("getHomeDir", () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const cases: Array<[string, Environment, string]> = [
    ["HOME first", { HOME: "/home/a", USERPROFILE: "C:\\Users\\b", HOMEPATH: "\\Users\\c" }, "/home/a"],
    ["USERPROFILE without HOME", { USERPROFILE: "C:\\Users\\b", HOMEPATH: "\\Users\\c" }, "C:\\Users\\b"],
    ["HOMEDRIVE + HOMEPATH", { HOMEDRIVE: "D:", HOMEPATH: "\\Users\\c" }, "D:\\Users\\c"],
    ["HOMEPATH on the default drive", { HOMEPATH: "\\Users\\c" }, "C:/\\Users\\c"],
    ["empty HOME counts as unset", { HOME: "", USERPROFILE: "C:\\Users\\b" }, "C:\\Users\\b"],
    ["nothing set: the OS account's", {}, homedir()],
  ];

  it.each(cases)("%s, as the AWS SDK resolves it", (_, environment, expected) => {
    for (const name of VARIABLES) {
      const value = environment[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    expect(getHomeDir()).toBe(expected);
    expect(getHomeDir()).toBe(sdkGetHomeDir());
  });
});
