import Mustache

/// The dashboard's mustache templates, compiled into the binary so that `regulars serve` needs no files
/// beside it. Every page extends `layout`, which holds the stylesheet (inline: the page loads nothing else).
enum DashboardTemplates {
    /// Compiled once; a template that does not parse is a programming error caught by the first test.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [
            ("layout", layout), ("login", login), ("overview", overview), ("recommendations", recommendations),
            ("models", models), ("campaigns", campaigns), ("experiments", experiments),
        ] {
            do {
                try library.register(text, named: name)
            } catch {
                fatalError("dashboard template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    static func render(_ object: Any, _ name: String) -> String {
        library.render(object, withTemplate: name) ?? ""
    }

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Regulars</title>
        <style>
        :root { color-scheme: light; --ink: #24292f; --muted: #57606a; --line: #d0d7de; --accent: #1f6feb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); \
        background: #f6f8fa; }
        header { background: #fff; border-bottom: 1px solid var(--line); padding: .6rem 1rem; display: flex; \
        flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; }
        header strong { font-size: 1.05rem; margin-right: .5rem; }
        nav a { color: var(--muted); text-decoration: none; padding: .2rem .1rem; margin-right: .8rem; }
        nav a[aria-current=page] { color: var(--ink); border-bottom: 2px solid var(--accent); }
        header form { margin-left: auto; }
        main { max-width: 980px; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.4rem; margin: .4rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: .8rem; }
        .card, section.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; \
        padding: .8rem 1rem; }
        .card .value { font-size: 1.5rem; font-weight: 600; }
        .card .label, .note { color: var(--muted); font-size: .85rem; }
        .stale { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: .4rem .6rem; }
        .chart { width: 100%; height: auto; display: block; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.best td { font-weight: 600; }
        button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--line); border-radius: 6px; \
        background: #fff; cursor: pointer; }
        button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
        input[type=password] { font: inherit; padding: .45rem; width: 100%; border: 1px solid var(--line); \
        border-radius: 6px; }
        .error { color: #d1242f; }
        a { color: var(--accent); }
        </style>
        </head>
        <body>
        <header>
        <strong>Regulars</strong>
        <nav aria-label="Dashboard">{{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>\
        {{title}}</a>{{/nav}}</nav>
        {{#signedIn}}<form method="post" action="{{base}}/dashboard/logout">\
        <button type="submit">Sign out</button></form>{{/signedIn}}
        </header>
        <main>
        <h1>{{title}}</h1>
        {{$body}}{{/body}}
        </main>
        </body>
        </html>
        """

    static let login = """
        {{<layout}}{{$body}}
        <section class="panel">
        <form method="post" action="{{base}}/dashboard/login">
        <p><label for="key">Secret API key (<code>regulars keys create --scope secret</code>)</label></p>
        <p><input id="key" name="key" type="password" autocomplete="current-password" required></p>
        {{#content.error}}<p class="error" role="alert">{{content.error}}</p>{{/content.error}}
        <p><button class="primary" type="submit">Sign in</button></p>
        </form>
        <p class="note">Or open the one-time link that <code>regulars serve</code> prints when it starts.</p>
        </section>
        {{/body}}{{/layout}}
        """

    static let overview = """
        {{<layout}}{{$body}}{{#content}}
        <p class="note">Orders up to {{asOf}}.</p>
        <div class="cards">
        {{#cards}}<div class="card"><div class="label">{{label}}</div><div class="value">{{value}}</div>\
        <div class="note">{{note}}</div></div>{{/cards}}
        </div>
        <h2>Revenue per month</h2>
        <section class="panel">{{{revenueChart}}}</section>
        <h2>Segments over time</h2>
        <section class="panel">{{{segmentChart}}}</section>
        <h2>Segments now</h2>
        <div class="table-wrap"><table>
        <thead><tr><th>Segment</th><th class="num">Customers</th><th class="num">Share</th></tr></thead>
        <tbody>{{#segments}}<tr><td>{{name}}</td><td class="num">{{members}}</td><td class="num">{{share}}</td></tr>\
        {{/segments}}</tbody>
        </table></div>
        <p class="note">A customer can be in several segments (loyal and at risk, say).</p>
        {{/content}}{{/body}}{{/layout}}
        """

    static let recommendations = """
        {{<layout}}{{$body}}{{#content}}
        <p class="note">The last {{days}} days, since {{since}}. An order line counts for a placement or a campaign \
        when the same customer (or a session they used) clicked that product there within 24 hours (5 days for an \
        e-mail) before ordering; its revenue is the price paid. Each line counts once.</p>
        <section class="panel"><p>Average order value with a recommended item: <strong>{{aovWith}}</strong>; \
        without: <strong>{{aovWithout}}</strong>. Repeat-purchase rate: <strong>{{repeatRate}}</strong>.</p>\
        </section>
        {{#hasRows}}
        <section class="panel">{{{chart}}}</section>
        <h2>Per placement or campaign</h2>
        <div class="table-wrap"><table>
        <thead><tr><th>Source</th><th class="num">Impressions</th><th class="num">Clicks</th><th class="num">\
        CTR</th><th class="num">Orders</th><th class="num">Revenue</th><th class="num">Share</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{placement}}</td><td class="num">{{impressions}}</td><td class="num">{{clicks}}</td>\
        <td class="num">{{clickThroughRate}}</td><td class="num">{{purchases}}</td><td class="num">{{revenue}}</td>\
        <td class="num">{{share}}</td></tr>{{/rows}}</tbody>
        </table></div>
        {{/hasRows}}
        {{^hasRows}}<section class="panel"><p>No recommendation events yet. Put the widget on the shop (see the \
        README) and its impressions and clicks appear here.</p></section>{{/hasRows}}
        {{#hasCampaigns}}<h2>Revenue per e-mail</h2>
        <div class="table-wrap"><table><thead><tr><th>Campaign</th><th class="num">Sent</th>\
        <th class="num">Revenue</th><th class="num">Per e-mail</th></tr></thead><tbody>\
        {{#campaigns}}<tr><td>{{name}}</td><td class="num">{{sends}}</td><td class="num">{{revenue}}</td>\
        <td class="num">{{perSend}}</td></tr>{{/campaigns}}</tbody></table></div>{{/hasCampaigns}}
        {{/content}}{{/body}}{{/layout}}
        """

    static let experiments = """
        {{<layout}}{{$body}}{{#content}}
        <p class="note">Each arm's units are the customers (or sessions) it served; its revenue is every order they \
        placed after that first time. Intervals are always valid: looking every day does not make a winner appear \
        by chance.</p>
        {{#baselineSince}}<h2>Baseline ({{baselineSince}}) and now</h2>
        <div class="table-wrap"><table><thead><tr><th>Figure</th><th class="num">Then</th><th class="num">Now</th>\
        <th class="num">Change</th></tr></thead><tbody>{{#baseline}}<tr><td>{{figure}}</td><td class="num">{{then}}\
        </td><td class="num">{{now}}</td><td class="num">{{change}}</td></tr>{{/baseline}}</tbody></table></div>\
        {{/baselineSince}}
        {{#experiments}}
        <h2><a href="{{href}}">{{name}}</a></h2>
        <p class="note">{{placement}} · since {{since}} · {{state}}</p>
        <div class="table-wrap"><table><thead><tr><th>Arm</th><th>Recipe</th><th class="num">Units</th>\
        <th class="num">Impressions</th><th class="num">Clicks</th><th class="num">Orders</th>\
        <th class="num">Revenue / unit</th><th class="num">Conversion</th><th class="num">Attributed</th></tr>\
        </thead><tbody>{{#arms}}<tr><td>{{name}}</td><td>{{recipe}}</td><td class="num">{{units}}</td>\
        <td class="num">{{impressions}}</td><td class="num">{{clicks}}</td><td class="num">{{orders}}</td>\
        <td class="num">{{revenuePerUnit}}</td><td class="num">{{conversion}}</td><td class="num">{{attributed}}\
        </td></tr>{{/arms}}</tbody></table></div>
        <section class="panel">{{#verdicts}}<p>{{.}}</p>{{/verdicts}}{{{chart}}}</section>
        {{/experiments}}
        {{^hasExperiments}}<section class="panel"><p>No experiments yet: <code>regulars experiment create</code> \
        starts one, and <code>regulars experiment plan</code> says how long it needs.</p></section>\
        {{/hasExperiments}}
        {{/content}}{{/body}}{{/layout}}
        """

    static let models = """
        {{<layout}}{{$body}}{{#content}}
        <section class="panel">
        {{#served}}
        <p>Serving model version <strong>{{version}}</strong>, trained {{trainedAt}} ({{age}}) on orders up to \
        {{asOf}}; training took {{totalTraining}}.</p>
        <div class="table-wrap"><table>
        <thead><tr><th>Model</th><th class="num">Training time</th></tr></thead>
        <tbody>{{#timings}}<tr><td>{{model}}</td><td class="num">{{seconds}}</td></tr>{{/timings}}</tbody>
        </table></div>
        {{/served}}
        {{^served}}<p>No model is served yet: run <code>regulars train</code> or <code>POST /v1/admin/train</code>.</p>\
        {{/served}}
        </section>
        <h2>Shopify sync</h2>
        <section class="panel">
        {{#sync}}
        {{#connected}}<p>Connected to <strong>{{domain}}</strong>: {{processed}} webhooks processed, {{pending}} \
        waiting, {{parked}} parked; the last arrived {{lastReceived}}.</p>{{/connected}}
        {{^connected}}<p>Not connected: \
        <code>regulars shops update --shopify-domain DOMAIN --webhook-secret SECRET</code>, \
        then point Shopify's webhooks at <code>/webhooks/shopify/TOPIC</code>.</p>{{/connected}}
        {{#hasProblems}}<div class="table-wrap"><table>
        <thead><tr><th>Received</th><th>Topic</th><th>Why it was parked</th></tr></thead>
        <tbody>{{#problems}}<tr><td>{{received}}</td><td>{{topic}}</td><td>{{error}}</td></tr>{{/problems}}</tbody>
        </table></div>{{/hasProblems}}
        {{/sync}}
        </section>
        <h2>Latest back-test</h2>
        {{#backtest}}
        <p class="note">Model {{model}}, the last 30 days before {{cutoff}} held out. Recall and NDCG at 20: \
        <em>all</em> counts every product bought, <em>new</em> only products new to the customer.</p>
        <div class="table-wrap"><table>
        <thead><tr><th>Half-life</th><th class="num">All R@20</th><th class="num">All N@20</th><th class="num">\
        New R@20</th><th class="num">New N@20</th><th class="num">Train</th></tr></thead>
        <tbody>{{#rows}}<tr{{#best}} class="best"{{/best}}><td>{{label}}</td><td class="num">{{allRecall}}</td>\
        <td class="num">{{allNDCG}}</td><td class="num">{{newRecall}}</td><td class="num">{{newNDCG}}</td>\
        <td class="num">{{trainSeconds}}</td></tr>{{/rows}}</tbody>
        </table></div>
        <p>{{verdict}}</p>
        {{/backtest}}
        {{^backtest}}<section class="panel"><p>No back-test yet: run <code>regulars backtest</code> to see whether \
        recent orders should weigh more for this shop.</p></section>{{/backtest}}
        {{/content}}{{/body}}{{/layout}}
        """

    static let campaigns = """
        {{<layout}}{{$body}}{{#content}}
        {{#hasCampaigns}}
        {{#campaigns}}
        <section class="panel">
        <h2>{{name}}</h2>
        <p class="note">Segment {{segment}} · {{recipients}} recipients · {{mode}} · {{generatedAt}}</p>
        {{#stale}}<p class="stale" role="status">{{stale}}</p>{{/stale}}
        <p>{{#files}}<a href="{{href}}">{{name}}</a> {{/files}}</p>
        </section>
        {{/campaigns}}
        {{/hasCampaigns}}
        {{^hasCampaigns}}<section class="panel"><p>No campaigns yet: <code>regulars campaign --segment lapsed</code> \
        writes one beside the store.</p></section>{{/hasCampaigns}}
        {{#hasBanners}}<h2>Homepage banners</h2>
        <p class="note">What <code>GET /v1/banner</code> and the widget's <code>data-regulars-banner</code> show each \
        segment (products from a sample of its members); <code>regulars banners --source instagram</code> shows a \
        source's version.</p>{{/hasBanners}}
        {{#banners}}
        <section class="panel">
        <h3>{{audience}} <span class="note">· {{angle}}</span></h3>
        <p><strong>{{headline}}</strong><br>{{subline}}<br><a href="{{link}}" rel="noopener">{{cta}}</a></p>
        <p class="note">{{products}}</p>
        <p class="note">Why: {{reason}} {{check}}</p>
        </section>
        {{/banners}}
        {{/content}}{{/body}}{{/layout}}
        """
}
