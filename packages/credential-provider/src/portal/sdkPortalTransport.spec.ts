import { SSOClient } from "@aws-sdk/client-sso";
import { redirectingHandler, useEmulator } from "../__fixtures__/testEnvironment.js";
import { sdkPortalTransport } from "./sdkPortalTransport.js";

const env = useEmulator();

test("sends GetRoleCredentials through the client as is and returns its reply", async () => {
  const { accessToken } = env.emu.seedToken();
  const redirect = redirectingHandler(env.emu);
  const transport = sdkPortalTransport(
    new SSOClient({ region: "eu-west-1", requestHandler: redirect.handler }),
  );
  const output = await transport("111111111111", "ReadOnly", accessToken);
  expect(output).toMatchObject({
    roleCredentials: { accessKeyId: env.emu.issuedCredentials().at(-1)?.accessKeyId },
    $metadata: { httpStatusCode: 200, attempts: 1 },
  });
  expect(redirect.seen).toEqual([
    {
      url: "https://portal.sso.eu-west-1.amazonaws.com/federation/credentials",
      query: { account_id: "111111111111", role_name: "ReadOnly" },
      headers: expect.objectContaining({ "x-amz-sso_bearer_token": accessToken }),
    },
  ]);
});
