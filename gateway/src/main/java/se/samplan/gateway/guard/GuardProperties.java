package se.samplan.gateway.guard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * @param maxRequestSize        the largest request body accepted (413 above it)
 * @param userPerSecond         requests a second one person may make, sustained
 * @param userBurst             and in a burst
 * @param associationPerSecond  requests a second one association's people may make together
 * @param associationBurst      and in a burst
 * @param anonymousPerSecond    per client address, for the few paths open without a login
 * @param dashboardOrigins      the origins browsers may call the API from (CORS)
 */
@ConfigurationProperties("samplan.gateway")
record GuardProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("20") long userPerSecond,
        @DefaultValue("40") long userBurst,
        @DefaultValue("100") long associationPerSecond,
        @DefaultValue("200") long associationBurst,
        @DefaultValue("5") long anonymousPerSecond,
        @DefaultValue("http://localhost:8080") List<String> dashboardOrigins) {
}
