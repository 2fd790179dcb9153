import { requestIdOf } from "./requestIdOf.js";

test.each<[Record<string, string | string[]>, string | undefined]>([
  [{ "x-amzn-requestid": "a" }, "a"],
  [{ "x-amzn-request-id": "b" }, "b"],
  [{ "x-amz-request-id": "c" }, "c"],
  [{ "x-amzn-requestid": "a", "x-amz-request-id": "c" }, "a"],
  [{ "x-amzn-requestid": ["a", "b"] }, undefined],
  [{}, undefined],
])("%j → %s", (headers, id) => {
  expect(requestIdOf(headers)).toBe(id);
});
