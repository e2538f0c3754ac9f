/** Generates an applicationHost.config with N sites: two bindings, one application and its own pool each. */
export function generateApplicationHostConfig(siteCount: number): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n    <system.applicationHost>\n        <applicationPools>\n'];
  for (let i = 1; i <= siteCount; i++) {
    parts.push(`            <add name="Pool${String(i)}" managedRuntimeVersion="v4.0" managedPipelineMode="Integrated">\n                <processModel identityType="ApplicationPoolIdentity" idleTimeout="00:20:00" />\n            </add>\n`);
  }
  parts.push('            <applicationPoolDefaults managedRuntimeVersion="v4.0">\n                <processModel identityType="ApplicationPoolIdentity" />\n            </applicationPoolDefaults>\n        </applicationPools>\n        <sites>\n');
  for (let i = 1; i <= siteCount; i++) {
    const n = String(i);
    parts.push(
      `            <site name="Site${n}" id="${n}" serverAutoStart="true">\n` +
        `                <application path="/" applicationPool="Pool${n}">\n` +
        `                    <virtualDirectory path="/" physicalPath="C:\\inetpub\\sites\\site${n}" />\n` +
        `                </application>\n` +
        `                <bindings>\n` +
        `                    <binding protocol="http" bindingInformation="*:80:site${n}.example.com" />\n` +
        `                    <binding protocol="https" bindingInformation="*:443:site${n}.example.com" sslFlags="1" />\n` +
        `                </bindings>\n` +
        `            </site>\n`,
    );
  }
  parts.push('        </sites>\n    </system.applicationHost>\n</configuration>\n');
  return parts.join('');
}
