import { SingleUseStore } from "./SingleUseStore.js";

describe("SingleUseStore", () => {
  it("gives an entry back once", () => {
    const store = new SingleUseStore<string>();
    store.put("id-1", "ABCD-EFGH");
    expect(store.take("id-1")).toBe("ABCD-EFGH");
    expect(store.take("id-1")).toBeUndefined();
  });

  it("has nothing under an unknown id and keeps entries apart", () => {
    const store = new SingleUseStore<{ code: string }>();
    store.put("a", { code: "1" });
    expect(store.take("b")).toBeUndefined();
    expect(store.take("a")).toEqual({ code: "1" });
  });
});
