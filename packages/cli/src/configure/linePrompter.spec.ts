import { Readable } from "node:stream";
import { CliError } from "../errors/CliError.js";
import { ExitCode } from "../ExitCode.js";
import { linePrompter } from "./linePrompter.js";

describe("linePrompter", () => {
  const start = (input: string) => {
    let written = "";
    const stderr = { write: (text: string) => (written += text) };
    const prompter = linePrompter(Readable.from([input]), stderr, () => ["--role-name", "--profile"]);
    return { prompter, written: () => written };
  };
  const region = (value: string) => (/^[a-z]+-[a-z]+-\d$/.test(value) ? undefined : "not a region");

  it("answers each question with the next line (the default for an empty one) and shows the answers", async () => {
    const { prompter, written } = start("eu-west-1\n\n\n");
    expect(await prompter.ask({ message: "SSO region", flag: "--region", check: region })).toBe("eu-west-1");
    expect(await prompter.ask({ message: "Name", flag: "--session-name", defaultValue: "sso" })).toBe("sso");
    expect(await prompter.ask({ message: "Output", flag: "--output", optional: true })).toBe("");
    expect(written()).toBe("SSO region: eu-west-1\nName [sso]: \nOutput [none]: \n");
    prompter.close();
  });

  it("picks an option by its number or its value", async () => {
    const { prompter, written } = start("2\nb\n");
    const options = [
      { value: "a", label: "Alpha" },
      { value: "b", label: "Beta", hint: "second" },
    ];
    expect(await prompter.choose({ message: "Pick", flag: "--role-name", options })).toBe("b");
    expect(await prompter.choose({ message: "Pick", flag: "--role-name", options })).toBe("b");
    expect(written()).toContain("Pick:\n  1) Alpha\n  2) Beta (second)\nNumber or role-name: 2\n");
    prompter.close();
  });

  it("fails with a usage error on a wrong answer, naming the flag, and on the end of stdin, listing the missing flags", async () => {
    const { prompter } = start("nowhere\n3\n");
    await expect(prompter.ask({ message: "SSO region", flag: "--region", check: region })).rejects.toEqual(
      new CliError("--region: not a region", ExitCode.Usage),
    );
    await expect(
      prompter.choose({ message: "Pick", flag: "--role-name", options: [{ value: "a", label: "Alpha" }] }),
    ).rejects.toEqual(new CliError("--role-name: '3' is not one of the 1 listed.", ExitCode.Usage));
    await expect(prompter.ask({ message: "Profile", flag: "--profile" })).rejects.toEqual(
      new CliError(
        "stdin ended before --profile was answered: pass --role-name, --profile (or answer them on stdin, one line each).",
        ExitCode.Usage,
      ),
    );
  });

  it("tells whether stdin has any answer, without losing it", async () => {
    const empty = start("");
    expect(await empty.prompter.hasAnswers()).toBe(false);
    const { prompter } = start("eu-west-1\n");
    expect(await prompter.hasAnswers()).toBe(true);
    expect(await prompter.ask({ message: "SSO region", flag: "--region" })).toBe("eu-west-1");
    prompter.close();
  });
});
