

export { errorOf, failure } from "../helpers/errors.js";

/** An object whose every property read throws. */
export const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error("boom");
    },
    has() {
      throw new Error("boom");
    },
    ownKeys() {
      throw new Error("boom");
    },
    getOwnPropertyDescriptor() {
      throw new Error("boom");
    },
  },
);
