/// `GET /widget.js`: the drop-in script a shop puts on its pages. Dependency-free, no personal data: it sends
/// the shop's own customer id only when the page gives one, otherwise an anonymous first-party session id.
///
/// ```html
/// <div data-regulars-placement="product" data-product="SKU-1"></div>
/// <div data-regulars-placement="home" data-page-type="editorial" data-topic="Autumn candles"></div>
/// <div data-regulars-banner></div>   (the homepage banner for the visitor's segment and traffic source)
/// <script src="https://recs.shop.example/widget.js" data-key="rk_pub_…" async></script>
/// ```
enum WidgetScript {
    static let source = #"""
        /* Regulars widget: recommendation cards with their reasons. No dependencies, no personal data. */
        (function () {
          "use strict";
          var script = document.currentScript;
          if (!script) { return; }
          var attr = function (el, name) { var v = el.getAttribute(name); return v === null || v === "" ? null : v; };
          var key = attr(script, "data-key");
          var api = (attr(script, "data-api") || new URL(script.src, location.href).origin).replace(/\/$/, "");
          var storage = function (kind) { try { return window[kind]; } catch (e) { return null; } };
          var local = storage("localStorage");
          var session = storage("sessionStorage");

          var optedOut = function () {
            return attr(script, "data-opt-out") === "true" ||
              (local && local.getItem("regulars_opt_out") === "1") ||
              navigator.globalPrivacyControl === true;
          };
          var rendered = [];
          window.Regulars = {
            optOut: function () {
              if (local) {
                local.setItem("regulars_opt_out", "1");
                local.removeItem("regulars_sid");
                local.removeItem("regulars_sid_at");
              }
              if (session) { session.removeItem("regulars_viewed"); }
              rendered.forEach(function (el) { el.replaceChildren(); });
            },
            optIn: function () { if (local) { local.removeItem("regulars_opt_out"); } }
          };
          if (!key || optedOut()) { return; }

          var randomID = function () {
            if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
            return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
          };
          // The anonymous session id ends after 30 idle minutes: a new visit is a new session, not a profile.
          var sessionID = function () {
            var id = local && local.getItem("regulars_sid");
            var last = Number((local && local.getItem("regulars_sid_at")) || 0);
            if (!id || Date.now() - last > 30 * 60 * 1000) {
              id = randomID();
              if (local) { local.setItem("regulars_sid", id); }
            }
            if (local) { local.setItem("regulars_sid_at", String(Date.now())); }
            return id;
          };
          var customer = attr(script, "data-customer");
          var customerToken = attr(script, "data-customer-token");
          var viewed = function () {
            try { return JSON.parse((session && session.getItem("regulars_viewed")) || "[]"); } catch (e) { return []; }
          };
          var remember = function (sku) {
            var list = viewed().filter(function (s) { return s !== sku; });
            list.push(sku);
            if (session) { session.setItem("regulars_viewed", JSON.stringify(list.slice(-20))); }
          };

          var send = function (events) {
            if (!events.length || optedOut()) { return; }
            fetch(api + "/v1/events", {
              method: "POST", keepalive: true, mode: "cors", credentials: "omit",
              headers: { "Authorization": "Bearer " + key, "Content-Type": "application/json" },
              body: JSON.stringify({ events: events })
            }).catch(function () {});
          };
          var event = function (type, sku, placement, recommendationID, data) {
            var e = { event_id: randomID(), type: type, at: new Date().toISOString(), sku: sku, source: placement };
            if (customer) { e.customer_id = customer; } else { e.session_id = sessionID(); }
            if (recommendationID) { e.recommendation_id = recommendationID; }
            if (data && data.experiment) { e.experiment = data.experiment; e.arm = data.arm; }
            return e;
          };

          var currency = attr(script, "data-currency");
          var price = function (value) {
            if (typeof value !== "number") { return ""; }
            try {
              return currency ? new Intl.NumberFormat(document.documentElement.lang || undefined,
                { style: "currency", currency: currency }).format(value) : value.toFixed(2);
            } catch (e) { return value.toFixed(2); }
          };
          var link = function (el, handle) {
            if (!handle) { return null; }
            if (/^https?:\/\//.test(handle)) { return handle; }
            var template = attr(el, "data-url") || attr(script, "data-url") || "/products/{handle}";
            return template.replace("{handle}", encodeURIComponent(handle));
          };
          var heading = {
            home: "Picked for you", product: "Goes well with this", cart: "Complete your order",
            checkout: "Before you go"
          };

          if (attr(script, "data-style") !== "none" && !document.getElementById("regulars-style")) {
            var style = document.createElement("style");
            style.id = "regulars-style";
            style.textContent = ".regulars h2{font-size:1.1em;margin:0 0 .5em}" +
              ".regulars ul{list-style:none;margin:0;padding:0;display:grid;gap:.75em;\#
        grid-template-columns:repeat(auto-fill,minmax(150px,1fr))}" +
              ".regulars li a{display:block;border:1px solid #d0d7de;border-radius:8px;padding:.6em;\#
        color:inherit;text-decoration:none;height:100%}" +
              ".regulars li a:focus-visible{outline:2px solid #1f6feb;outline-offset:2px}" +
              ".regulars img{width:100%;height:auto;border-radius:4px}" +
              ".regulars .regulars-title{display:block;font-weight:600}" +
              ".regulars .regulars-price{display:block}" +
              ".regulars .regulars-reason{display:block;font-size:.85em;color:#57606a;margin-top:.3em}" +
              ".regulars-banner p{margin:.2em 0 .8em}" +
              ".regulars-banner .regulars-cta{display:inline-block;padding:.5em 1em;border-radius:6px;\#
        background:#1f2328;color:#fff;text-decoration:none}";
            document.head.appendChild(style);
          }

          var render = function (el, placement, data) {
            var items = (data && data.items) || [];
            if (!items.length) { return; }
            var section = document.createElement("section");
            section.className = "regulars";
            var title = document.createElement("h2");
            title.textContent = attr(el, "data-title") || heading[placement] || "You might like";
            var id = "regulars-" + randomID();
            title.id = id;
            section.setAttribute("aria-labelledby", id);
            var list = document.createElement("ul");
            list.setAttribute("role", "list");
            items.forEach(function (item) {
              var li = document.createElement("li");
              var a = document.createElement(link(el, item.url_or_handle) ? "a" : "div");
              var href = link(el, item.url_or_handle);
              if (href) { a.href = href; }
              a.setAttribute("data-regulars-sku", item.sku);
              if (item.image) {
                var img = document.createElement("img");
                img.src = item.image; img.alt = ""; img.loading = "lazy";
                a.appendChild(img);
              }
              [["regulars-title", item.title], ["regulars-price", price(item.price)],
                ["regulars-reason", item.reason]].forEach(function (part) {
                if (!part[1]) { return; }
                var span = document.createElement("span");
                span.className = part[0];
                span.textContent = part[1];
                a.appendChild(span);
              });
              a.addEventListener("click", function () {
                send([event("rec_click", item.sku, placement, item.recommendation_id, data)]);
              });
              li.appendChild(a);
              list.appendChild(li);
            });
            section.appendChild(title);
            section.appendChild(list);
            el.replaceChildren(section);
            el.setAttribute("data-regulars-state", "rendered");
            rendered.push(el);
            send(items.map(function (item) {
              return event("rec_impression", item.sku, placement, item.recommendation_id, data);
            }));
          };

          var landing = new URLSearchParams(location.search);
          var source = landing.get("utm_source");
          // A click in one of the shop's e-mails: its link names the send by an opaque token (rg), never the
          // customer; the server maps it back. The same link counts once however often it is opened.
          if (landing.get("rg") && landing.get("rg_sku")) {
            var click = event("email_click", landing.get("rg_sku"), landing.get("utm_campaign"), null);
            click.event_id = "email-" + landing.get("rg") + "-" + landing.get("rg_sku");
            click.recipient_token = landing.get("rg");
            send([click]);
          }
          var load = function (el) {
            var placement = attr(el, "data-regulars-placement");
            var product = attr(el, "data-product");
            var query = new URLSearchParams({ placement: placement, n: attr(el, "data-limit") || "4" });
            if (product) { query.set("product", product); }
            if (attr(el, "data-cart")) { query.set("cart", attr(el, "data-cart")); }
            if (attr(el, "data-page-type")) { query.set("page_type", attr(el, "data-page-type")); }
            if (attr(el, "data-topic")) { query.set("topic", attr(el, "data-topic").slice(0, 200)); }
            if (customer) { query.set("customer", customer); }
            if (customer && customerToken) { query.set("customer_token", customerToken); }
            if (!customer) { query.set("session_id", sessionID()); }
            var seen = viewed().filter(function (s) { return s !== product; });
            if (seen.length) { query.set("session", seen.join(",")); }
            if (source) { query.set("source", source); }
            if (placement === "product" && product) {
              remember(product);
              send([event("product_view", product, placement, null)]);
            }
            fetch(api + "/v1/recommendations?" + query.toString(), {
              mode: "cors", credentials: "omit", headers: { "Authorization": "Bearer " + key }
            }).then(function (r) { return r.ok ? r.json() : null; })
              .then(function (data) { render(el, placement, data); })
              .catch(function () { el.setAttribute("data-regulars-state", "failed"); });
          };
          // Where the visitor came from, for the banner's voice: the landing page's utm_source, else the page
          // that linked here when it is another site (its host: l.instagram.com, www.google.com).
          var origin = source;
          if (!origin && document.referrer) {
            try {
              var from = new URL(document.referrer);
              if (from.host !== location.host) { origin = from.host; }
            } catch (e) {}
          }
          var banner = function (el) {
            var query = new URLSearchParams();
            if (customer) { query.set("customer", customer); }
            if (customer && customerToken) { query.set("customer_token", customerToken); }
            var seen = viewed();
            if (seen.length) { query.set("session", seen.join(",")); }
            if (origin) { query.set("source", origin.slice(0, 200)); }
            fetch(api + "/v1/banner?" + query.toString(), {
              mode: "cors", credentials: "omit", headers: { "Authorization": "Bearer " + key }
            }).then(function (r) { return r.ok && r.status !== 204 ? r.json() : null; })
              .then(function (data) {
                if (!data) { return; }
                var section = document.createElement("section");
                section.className = "regulars regulars-banner";
                var title = document.createElement("h2");
                title.textContent = data.headline;
                var sub = document.createElement("p");
                sub.textContent = data.subline;
                var cta = document.createElement("a");
                cta.className = "regulars-cta";
                if (/^https?:\/\//.test(data.link)) { cta.href = data.link; }
                cta.textContent = data.cta;
                section.appendChild(title);
                section.appendChild(sub);
                section.appendChild(cta);
                el.replaceChildren(section);
                el.setAttribute("data-regulars-state", "rendered");
                rendered.push(el);
              })
              .catch(function () { el.setAttribute("data-regulars-state", "failed"); });
          };
          var start = function () {
            Array.prototype.forEach.call(document.querySelectorAll("[data-regulars-banner]"), banner);
            Array.prototype.forEach.call(document.querySelectorAll("[data-regulars-placement]"), load);
          };
          if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } \#
        else { start(); }
        })();
        """#
}
