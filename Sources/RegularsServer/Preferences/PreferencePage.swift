import Mustache

/// The preference page's HTML: a plain form that works without JavaScript, every value escaped by mustache.
struct PreferencePage: Sendable {
    struct Category: Sendable {
        var name: String
        var checked: Bool
    }
    struct Band: Sendable {
        var index: Int
        var label: String
        var checked: Bool
    }
    var shopName: String
    var token: String
    var categories: [Category]
    var bands: [Band]
    var fewer: Bool
    /// How long an answer steers (the rules' `statedPreferenceMonths`).
    var months: Int

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        try! library.register(form, named: "form")
        try! library.register(note, named: "note")
        return library
    }()

    static func render(_ page: PreferencePage) -> String { library.render(page, withTemplate: "form") ?? "" }

    static func message(_ text: String) -> String { library.render(["text": text], withTemplate: "note") ?? "" }

    static let head = """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>Your preferences</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#24292f}
        fieldset{border:1px solid #d0d7de;border-radius:8px;margin:0 0 1rem;padding:.6rem 1rem}
        label{display:block;padding:.15rem 0}button{padding:.5rem 1.2rem;border-radius:6px;border:0;
        background:#1f2328;color:#fff;font-size:1rem}</style></head><body>
        """

    static let form =
        head + """
            <h1>What do you like?</h1>
            <p>Tell {{shopName}} what you'd like to hear about. We use it to choose what we show you, for
            {{months}} months, and you can change it whenever you like from this link.</p>
            <form method="post">
            <input type="hidden" name="t" value="{{token}}">
            <fieldset><legend>Categories</legend>
            {{#categories}}<label><input type="checkbox" name="category[]" value="{{name}}"\
            {{#checked}} checked{{/checked}}> {{name}}</label>
            {{/categories}}</fieldset>
            <fieldset><legend>Prices</legend>
            {{#bands}}<label><input type="checkbox" name="band[]" value="{{index}}"\
            {{#checked}} checked{{/checked}}> {{label}}</label>
            {{/bands}}</fieldset>
            <fieldset><legend>E-mails</legend>
            <label><input type="checkbox" name="fewer" value="on"{{#fewer}} checked{{/fewer}}>\
             Fewer e-mails: at most one a month</label>
            </fieldset>
            <button type="submit">Save</button>
            </form></body></html>
            """

    static let note = head + "<p>{{text}}</p></body></html>"
}
