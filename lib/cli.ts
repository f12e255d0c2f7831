// `talkingpoints <command> …`: each command is one module in lib/commands/ exporting `summary` and `run`.
import fs from "node:fs";
import { UsageError } from "./cli-util.js";

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

const commandsDir = new URL("./commands/", import.meta.url);

function commandNames(): string[] {
  return fs.readdirSync(commandsDir).filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3)).sort();
}

async function help(): Promise<string> {
  const lines = ["usage: talkingpoints <command> [options]", "", "commands:"];
  for (const name of commandNames()) {
    const c = (await import(new URL(`${name}.js`, commandsDir).href)) as Command;
    lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  }
  lines.push("", "`talkingpoints <command> --help` shows a command's options.");
  return lines.join("\n");
}

/** Run the CLI; returns the exit code. Usage errors print one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write((await help()) + "\n");
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) {
    process.stderr.write(`talkingpoints: unknown command "${name}"; commands: ${commandNames().join(", ")}\n`);
    return 2;
  }
  const command = (await import(new URL(`${name}.js`, commandsDir).href)) as Command;
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(e.message + "\n");
      return e.code;
    }
    process.stderr.write(`talkingpoints ${name}: ${(e as Error).message}\n`);
    if (process.env.TALKINGPOINTS_DEBUG) process.stderr.write(String((e as Error).stack) + "\n");
    return 1;
  }
}
