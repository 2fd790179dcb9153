import { join } from "node:path";
import { useTempHome } from "../../../../test/support/useTempHome.js";
import { expandHomePath } from "./expandHomePath.js";

describe("expandHomePath", () => {
  const home = useTempHome({ prefix: "sso-kit-token-provider-" });

  it("expands a leading ~/ and a lone ~ to HOME", () => {
    expect(expandHomePath("~/.aws/config")).toBe(join(home.dir, ".aws/config"));
    expect(expandHomePath("~")).toBe(home.dir);
  });

  it("leaves other paths alone", () => {
    expect(expandHomePath("/etc/aws/config")).toBe("/etc/aws/config");
    expect(expandHomePath("relative/~/x")).toBe("relative/~/x");
    expect(expandHomePath("~other/config")).toBe("~other/config");
  });
});
