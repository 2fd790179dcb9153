/** The error `promise` rejects with; fails the test when it resolves. */
export const caught = async (promise: Promise<unknown>): Promise<Record<string, unknown> & Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error("expected the promise to reject");
};
