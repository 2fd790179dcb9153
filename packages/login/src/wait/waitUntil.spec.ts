import { LoginError } from "../LoginError.js";
import { waitUntil } from "./waitUntil.js";

const timeout = (): LoginError => new LoginError("Timeout", "too slow");
const never = new Promise<never>(() => undefined);

describe("waitUntil", () => {
  it("gives the promise's value when it settles in time", async () => {
    await expect(waitUntil(Promise.resolve(7), Date.now() + 60_000, timeout)).resolves.toBe(7);
  });

  it("passes the promise's rejection through", async () => {
    await expect(waitUntil(Promise.reject(new Error("boom")), Date.now() + 60_000, timeout)).rejects.toThrow(
      "boom",
    );
  });

  it("rejects with the timeout error at the deadline", async () => {
    await expect(waitUntil(never, Date.now() + 10, timeout)).rejects.toMatchObject({ code: "Timeout" });
  });

  it("rejects with Aborted when the signal fires", async () => {
    const controller = new AbortController();
    const waiting = waitUntil(never, Date.now() + 60_000, timeout, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "Aborted", message: "the login was cancelled" });
  });

  it("rejects at once when already aborted", async () => {
    await expect(waitUntil(never, Date.now() + 60_000, timeout, AbortSignal.abort())).rejects.toMatchObject({
      code: "Aborted",
    });
  });
});
