/**
 * The options an SDK client's request handler settled on (`NodeHttpHandler` settles them on its first request):
 * sends it one request to a closed loopback port, refused at once, then reads `httpHandlerConfigs()`.
 */
export const settledHandlerOptions = async (requestHandler: unknown): Promise<Record<string, unknown>> => {
  const handler = requestHandler as {
    handle(request: unknown): Promise<unknown>;
    httpHandlerConfigs(): Record<string, unknown>;
  };
  const refused = {
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 9,
    method: "GET",
    path: "/",
    headers: {},
  };
  await handler.handle(refused).then(
    () => {
      throw new Error("a request to a closed port succeeded");
    },
    () => undefined,
  );
  return handler.httpHandlerConfigs();
};
