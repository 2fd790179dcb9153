import { LoginError } from "./LoginError.js";

describe("LoginError", () => {
  it("carries a code, a single-line message and the cause", () => {
    const cause = new Error("socket hang up");
    const error = new LoginError("ServiceError", "could not reach IAM Identity Center:\n  socket hang up", {
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("LoginError");
    expect(error.code).toBe("ServiceError");
    expect(error.message).toBe("could not reach IAM Identity Center: socket hang up");
    expect(error.cause).toBe(cause);
  });

  it("has no cause property when none is given", () => {
    expect("cause" in new LoginError("Timeout", "too slow")).toBe(false);
  });
});
