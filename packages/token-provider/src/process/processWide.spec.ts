import { processWide } from "./processWide.js";

const KEY = "@sso-kit/token-provider/processWide.spec@1";

afterEach(() => {
  delete (globalThis as { [key: symbol]: unknown })[Symbol.for(KEY)];
});

test("every caller of one key gets the value the first one created, kept on globalThis", () => {
  const first = processWide(KEY, () => ({ copy: 1 }));
  const second = processWide(KEY, () => ({ copy: 2 }));
  expect(second).toBe(first);
  expect((globalThis as { [key: symbol]: unknown })[Symbol.for(KEY)]).toBe(first);
  expect(Object.keys(globalThis)).not.toContain(KEY);
});

test("another shape version is another value", () => {
  const v1 = processWide(KEY, () => ({ copy: 1 }));
  const v2 = processWide(KEY.replace("@1", "@2"), () => ({ copy: 2 }));
  delete (globalThis as { [key: symbol]: unknown })[Symbol.for(KEY.replace("@1", "@2"))];
  expect(v2).not.toBe(v1);
  expect(v2).toEqual({ copy: 2 });
});
