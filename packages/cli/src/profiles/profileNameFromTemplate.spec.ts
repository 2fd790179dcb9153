import { checkProfileNameTemplate, profileNameFromTemplate } from "./profileNameFromTemplate.js";

const fields = {
  account_name: "Prod (EU) / Main",
  account_id: "123456789012",
  role_name: "AdministratorAccess",
  session: "corp",
};

describe("profileNameFromTemplate", () => {
  it("fills the placeholders and keeps case", () => {
    expect(profileNameFromTemplate("{session}.{account_id}.{role_name}", fields)).toBe(
      "corp.123456789012.AdministratorAccess",
    );
  });

  it("replaces characters outside [A-Za-z0-9._-] with one '-', collapses repeats and trims the ends", () => {
    expect(profileNameFromTemplate("{account_name}.{role_name}", fields)).toBe(
      "Prod-EU-Main.AdministratorAccess",
    );
    expect(profileNameFromTemplate("--{account_name}--", { ...fields, account_name: "a  [b]=c" })).toBe(
      "a-b-c",
    );
    expect(profileNameFromTemplate("{account_name}", { ...fields, account_name: "ünï" })).toBe("n");
  });

  it("never gives an empty name", () => {
    expect(profileNameFromTemplate("{account_name}", { ...fields, account_name: "日本" })).toBe("profile");
  });
});

describe("checkProfileNameTemplate", () => {
  it("accepts the documented placeholders", () => {
    expect(() => checkProfileNameTemplate("{session}-{account_name}-{account_id}-{role_name}")).not.toThrow();
  });

  it("rejects an unknown placeholder as a usage error (exit 2)", () => {
    expect(() => checkProfileNameTemplate("{account}.{role_name}")).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining("{account}") }),
    );
  });

  it("rejects a template without {role_name}, which would give roles of an account one name", () => {
    expect(() => checkProfileNameTemplate("{account_name}")).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
});
