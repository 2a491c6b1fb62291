// decimal.js as an independent oracle for the exact money arithmetic (a private clone: no global setting changes).
import Decimal from "decimal.js";

export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
