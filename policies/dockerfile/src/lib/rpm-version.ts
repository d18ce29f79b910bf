/**
 * Does an RPM package argument name a version? `httpd-2.4.62`, `httpd-2.4.62-1.el9`,
 * `mod_ssl-1:2.4.62-1.el9.x86_64`: a `-` segment starting with a digit (an optional epoch first),
 * then at most a release that has a digit, at the end. `java-17-openjdk-headless` and
 * `java-1.8.0-openjdk` are names, not versions.
 */
export function rpmPinned(arg: string): boolean {
  return /-(\d+:)?\d[^-/]*(-[^-/]*\d[^-/]*)?$/.test(arg);
}
