import { abortableSleep } from "./abortableSleep.js";

describe("abortableSleep", () => {
  it("resolves after the delay and stops listening to the signal", async () => {
    const controller = new AbortController();
    await expect(abortableSleep(5, controller.signal)).resolves.toBeUndefined();
    // A late abort must not reach the finished sleep (it would be an unhandled rejection).
    controller.abort(new Error("late"));
  });

  it("rejects with the abort reason when aborted while sleeping", async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });

  it("rejects at once when the signal has already aborted", async () => {
    await expect(abortableSleep(60_000, AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
  });
});
