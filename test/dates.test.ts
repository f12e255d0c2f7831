import { describe, expect, it } from "vitest";
import { datelineDate, validDate } from "../lib/dates.js";

describe("datelineDate", () => {
  it("reads the datelines newsrooms write", () => {
    expect(datelineDate("Islamabad, February 25, 2025: Russian Ambassador to Pakistan")).toBe("2025-02-25");
    expect(datelineDate("ISLAMABAD, (UrduPoint / Pakistan Point News - 23rd Sep, 2025) Ambassador of Russia")).toBe("2025-09-23");
    expect(datelineDate("LONDON, 3 March 2024 (Reuters) - The minister said")).toBe("2024-03-03");
  });

  it("does not take relative words or dates without a year for a dateline", () => {
    expect(datelineDate("Talks would resume next week, the envoy said.")).toBeNull();
    expect(datelineDate("He spoke on Tuesday about the truce of April 19 to 21.")).toBeNull();
    expect(datelineDate("Ukraine invaded the Kursk region last August.")).toBeNull();
    // A BBC sport preview: the 4 digits are a kick-off time.
    expect(datelineDate("Saturday, 26 February\n1400 GMT\nBBC Sport website")).toBeNull();
  });

  it("only looks at the opening lines", () => {
    expect(datelineDate("x ".repeat(200) + "Islamabad, February 25, 2025: text")).toBeNull();
  });
});

describe("validDate", () => {
  it("accepts real calendar dates and rejects impossible ones", () => {
    expect(validDate("2025-09-24")).toBe("2025-09-24");
    expect(validDate("2025-9-4")).toBe("2025-09-04");
    expect(validDate("2025-13-45")).toBeNull();
    expect(validDate("2025-02-29")).toBeNull();
    expect(validDate("2024-02-29")).toBe("2024-02-29");
    expect(validDate("2025-02-25T10:00:00Z")).toBe("2025-02-25");
    expect(validDate("February 25, 2025")).toBe("2025-02-25");
    expect(validDate("soon")).toBeNull();
  });
});
