package org.newsroom.gateway.edge;

import org.newsroom.gateway.edge.client.ForwardedClientHeaders;
import org.newsroom.gateway.edge.limits.AuthFailureGuard;
import org.newsroom.gateway.edge.limits.RateLimitFilter;
import org.newsroom.gateway.edge.limits.RequestBodyLimit;
import org.newsroom.gateway.edge.limits.RequestLineGuard;
import org.newsroom.gateway.edge.resilience.ResilientRouteFilter;
import org.newsroom.gateway.edge.resilience.ServiceErrorBodies;

import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;

/**
 * The order of the edge, in one place: every filter of the edge takes its order from here, and
 * docs/gateway.md ("The edge, in order") shows the same table. Before any of them, each
 * connection's Netty pipeline runs the {@link RequestLineGuard} and {@link FastPages}
 * ({@link EdgePipeline}). Then every request passes the web filters, in this order:
 *
 * <ol>
 * <li>{@link #ENTRY}: request id, trace context, client address, security headers, access log
 * ({@link EdgeEntry})</li>
 * <li>{@link #AUTH_FAILURE_GUARD}: clients that collected too many 401s are refused before any
 * token work ({@link AuthFailureGuard})</li>
 * <li>{@link #SECURITY}: Spring Security (tokens, roles, CORS), only for requests that carry
 * credentials, change something, come cross-origin or read editor-only paths
 * (config/EdgeSecurityConfig); the desk's paths meet the desk's own chain first (desk/DeskSecurity:
 * sign-in, session, CSRF)</li>
 * <li>{@link #RATE_LIMIT}: per-client budgets ({@link RateLimitFilter})</li>
 * <li>{@link #PAGES}: readers' pages the page cache holds current are answered from memory
 * (cache/PageServer)</li>
 * </ol>
 *
 * then routing: the web edition and page API (controllers), or a proxied route, whose filters
 * run in this order: {@link #BODY_LIMIT} ({@link RequestBodyLimit}), {@link #SERVICE_ERROR_BODIES}
 * ({@link ServiceErrorBodies}), Spring Cloud Gateway's response writer, {@link #RESILIENCE}
 * ({@link ResilientRouteFilter}, inside the writer so that it sees the service's status before
 * the body streams), and the proxy call itself, whose headers pass {@link #FORWARDED_HEADERS}
 * ({@link ForwardedClientHeaders}) last of the header filters.
 */
public final class EdgeOrder {

	public static final int ENTRY = Ordered.HIGHEST_PRECEDENCE;

	public static final int AUTH_FAILURE_GUARD = -200;

	/** Spring Security's WebFilterChainProxy (WebFluxSecurityConfiguration's order). */
	public static final int SECURITY = -100;

	public static final int RATE_LIMIT = -90;

	public static final int PAGES = -80;

	public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 100;

	public static final int SERVICE_ERROR_BODIES = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

	public static final int RESILIENCE = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;

	/** After Spring Cloud Gateway's own forwarded-header filters, so that its values are the ones sent. */
	public static final int FORWARDED_HEADERS = Ordered.LOWEST_PRECEDENCE;

	private EdgeOrder() {
	}
}
