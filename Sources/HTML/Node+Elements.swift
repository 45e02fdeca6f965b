/// Element helpers, so that pages read like the markup they produce:
///
/// ```swift
/// Node.main(.id("main")) {
///     .h1("Mina medarbetarsamtal")
///     .p(.class("lead")) { "Alla medarbetare får frågan." }
/// }
/// ```
extension Node {
    /// `<html>` with children.
    public static func html(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "html", attributes: attributes, children: children())
    }
    /// `<html>` holding one piece of text.
    public static func html(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "html", attributes: attributes, children: [.text(text)])
    }
    /// `<html>` holding one piece of text.
    public static func html(_ text: String) -> Node {
        .element(name: "html", attributes: [], children: [.text(text)])
    }
    /// `<head>` with children.
    public static func head(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "head", attributes: attributes, children: children())
    }
    /// `<head>` holding one piece of text.
    public static func head(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "head", attributes: attributes, children: [.text(text)])
    }
    /// `<head>` holding one piece of text.
    public static func head(_ text: String) -> Node {
        .element(name: "head", attributes: [], children: [.text(text)])
    }
    /// `<body>` with children.
    public static func body(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "body", attributes: attributes, children: children())
    }
    /// `<body>` holding one piece of text.
    public static func body(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "body", attributes: attributes, children: [.text(text)])
    }
    /// `<body>` holding one piece of text.
    public static func body(_ text: String) -> Node {
        .element(name: "body", attributes: [], children: [.text(text)])
    }
    /// `<header>` with children.
    public static func header(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "header", attributes: attributes, children: children())
    }
    /// `<header>` holding one piece of text.
    public static func header(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "header", attributes: attributes, children: [.text(text)])
    }
    /// `<header>` holding one piece of text.
    public static func header(_ text: String) -> Node {
        .element(name: "header", attributes: [], children: [.text(text)])
    }
    /// `<footer>` with children.
    public static func footer(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "footer", attributes: attributes, children: children())
    }
    /// `<footer>` holding one piece of text.
    public static func footer(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "footer", attributes: attributes, children: [.text(text)])
    }
    /// `<footer>` holding one piece of text.
    public static func footer(_ text: String) -> Node {
        .element(name: "footer", attributes: [], children: [.text(text)])
    }
    /// `<main>` with children.
    public static func main(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "main", attributes: attributes, children: children())
    }
    /// `<main>` holding one piece of text.
    public static func main(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "main", attributes: attributes, children: [.text(text)])
    }
    /// `<main>` holding one piece of text.
    public static func main(_ text: String) -> Node {
        .element(name: "main", attributes: [], children: [.text(text)])
    }
    /// `<nav>` with children.
    public static func nav(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "nav", attributes: attributes, children: children())
    }
    /// `<nav>` holding one piece of text.
    public static func nav(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "nav", attributes: attributes, children: [.text(text)])
    }
    /// `<nav>` holding one piece of text.
    public static func nav(_ text: String) -> Node {
        .element(name: "nav", attributes: [], children: [.text(text)])
    }
    /// `<section>` with children.
    public static func section(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "section", attributes: attributes, children: children())
    }
    /// `<section>` holding one piece of text.
    public static func section(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "section", attributes: attributes, children: [.text(text)])
    }
    /// `<section>` holding one piece of text.
    public static func section(_ text: String) -> Node {
        .element(name: "section", attributes: [], children: [.text(text)])
    }
    /// `<article>` with children.
    public static func article(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "article", attributes: attributes, children: children())
    }
    /// `<article>` holding one piece of text.
    public static func article(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "article", attributes: attributes, children: [.text(text)])
    }
    /// `<article>` holding one piece of text.
    public static func article(_ text: String) -> Node {
        .element(name: "article", attributes: [], children: [.text(text)])
    }
    /// `<aside>` with children.
    public static func aside(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "aside", attributes: attributes, children: children())
    }
    /// `<aside>` holding one piece of text.
    public static func aside(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "aside", attributes: attributes, children: [.text(text)])
    }
    /// `<aside>` holding one piece of text.
    public static func aside(_ text: String) -> Node {
        .element(name: "aside", attributes: [], children: [.text(text)])
    }
    /// `<div>` with children.
    public static func div(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "div", attributes: attributes, children: children())
    }
    /// `<div>` holding one piece of text.
    public static func div(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "div", attributes: attributes, children: [.text(text)])
    }
    /// `<div>` holding one piece of text.
    public static func div(_ text: String) -> Node {
        .element(name: "div", attributes: [], children: [.text(text)])
    }
    /// `<span>` with children.
    public static func span(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "span", attributes: attributes, children: children())
    }
    /// `<span>` holding one piece of text.
    public static func span(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "span", attributes: attributes, children: [.text(text)])
    }
    /// `<span>` holding one piece of text.
    public static func span(_ text: String) -> Node {
        .element(name: "span", attributes: [], children: [.text(text)])
    }
    /// `<p>` with children.
    public static func p(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "p", attributes: attributes, children: children())
    }
    /// `<p>` holding one piece of text.
    public static func p(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "p", attributes: attributes, children: [.text(text)])
    }
    /// `<p>` holding one piece of text.
    public static func p(_ text: String) -> Node {
        .element(name: "p", attributes: [], children: [.text(text)])
    }
    /// `<h1>` with children.
    public static func h1(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h1", attributes: attributes, children: children())
    }
    /// `<h1>` holding one piece of text.
    public static func h1(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "h1", attributes: attributes, children: [.text(text)])
    }
    /// `<h1>` holding one piece of text.
    public static func h1(_ text: String) -> Node {
        .element(name: "h1", attributes: [], children: [.text(text)])
    }
    /// `<h2>` with children.
    public static func h2(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h2", attributes: attributes, children: children())
    }
    /// `<h2>` holding one piece of text.
    public static func h2(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "h2", attributes: attributes, children: [.text(text)])
    }
    /// `<h2>` holding one piece of text.
    public static func h2(_ text: String) -> Node {
        .element(name: "h2", attributes: [], children: [.text(text)])
    }
    /// `<h3>` with children.
    public static func h3(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h3", attributes: attributes, children: children())
    }
    /// `<h3>` holding one piece of text.
    public static func h3(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "h3", attributes: attributes, children: [.text(text)])
    }
    /// `<h3>` holding one piece of text.
    public static func h3(_ text: String) -> Node {
        .element(name: "h3", attributes: [], children: [.text(text)])
    }
    /// `<h4>` with children.
    public static func h4(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h4", attributes: attributes, children: children())
    }
    /// `<h4>` holding one piece of text.
    public static func h4(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "h4", attributes: attributes, children: [.text(text)])
    }
    /// `<h4>` holding one piece of text.
    public static func h4(_ text: String) -> Node {
        .element(name: "h4", attributes: [], children: [.text(text)])
    }
    /// `<ul>` with children.
    public static func ul(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "ul", attributes: attributes, children: children())
    }
    /// `<ul>` holding one piece of text.
    public static func ul(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "ul", attributes: attributes, children: [.text(text)])
    }
    /// `<ul>` holding one piece of text.
    public static func ul(_ text: String) -> Node {
        .element(name: "ul", attributes: [], children: [.text(text)])
    }
    /// `<ol>` with children.
    public static func ol(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "ol", attributes: attributes, children: children())
    }
    /// `<ol>` holding one piece of text.
    public static func ol(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "ol", attributes: attributes, children: [.text(text)])
    }
    /// `<ol>` holding one piece of text.
    public static func ol(_ text: String) -> Node {
        .element(name: "ol", attributes: [], children: [.text(text)])
    }
    /// `<li>` with children.
    public static func li(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "li", attributes: attributes, children: children())
    }
    /// `<li>` holding one piece of text.
    public static func li(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "li", attributes: attributes, children: [.text(text)])
    }
    /// `<li>` holding one piece of text.
    public static func li(_ text: String) -> Node {
        .element(name: "li", attributes: [], children: [.text(text)])
    }
    /// `<dl>` with children.
    public static func dl(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "dl", attributes: attributes, children: children())
    }
    /// `<dl>` holding one piece of text.
    public static func dl(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "dl", attributes: attributes, children: [.text(text)])
    }
    /// `<dl>` holding one piece of text.
    public static func dl(_ text: String) -> Node {
        .element(name: "dl", attributes: [], children: [.text(text)])
    }
    /// `<dt>` with children.
    public static func dt(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "dt", attributes: attributes, children: children())
    }
    /// `<dt>` holding one piece of text.
    public static func dt(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "dt", attributes: attributes, children: [.text(text)])
    }
    /// `<dt>` holding one piece of text.
    public static func dt(_ text: String) -> Node {
        .element(name: "dt", attributes: [], children: [.text(text)])
    }
    /// `<dd>` with children.
    public static func dd(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "dd", attributes: attributes, children: children())
    }
    /// `<dd>` holding one piece of text.
    public static func dd(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "dd", attributes: attributes, children: [.text(text)])
    }
    /// `<dd>` holding one piece of text.
    public static func dd(_ text: String) -> Node {
        .element(name: "dd", attributes: [], children: [.text(text)])
    }
    /// `<a>` with children.
    public static func a(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "a", attributes: attributes, children: children())
    }
    /// `<a>` holding one piece of text.
    public static func a(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "a", attributes: attributes, children: [.text(text)])
    }
    /// `<a>` holding one piece of text.
    public static func a(_ text: String) -> Node {
        .element(name: "a", attributes: [], children: [.text(text)])
    }
    /// `<strong>` with children.
    public static func strong(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "strong", attributes: attributes, children: children())
    }
    /// `<strong>` holding one piece of text.
    public static func strong(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "strong", attributes: attributes, children: [.text(text)])
    }
    /// `<strong>` holding one piece of text.
    public static func strong(_ text: String) -> Node {
        .element(name: "strong", attributes: [], children: [.text(text)])
    }
    /// `<em>` with children.
    public static func em(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "em", attributes: attributes, children: children())
    }
    /// `<em>` holding one piece of text.
    public static func em(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "em", attributes: attributes, children: [.text(text)])
    }
    /// `<em>` holding one piece of text.
    public static func em(_ text: String) -> Node {
        .element(name: "em", attributes: [], children: [.text(text)])
    }
    /// `<small>` with children.
    public static func small(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "small", attributes: attributes, children: children())
    }
    /// `<small>` holding one piece of text.
    public static func small(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "small", attributes: attributes, children: [.text(text)])
    }
    /// `<small>` holding one piece of text.
    public static func small(_ text: String) -> Node {
        .element(name: "small", attributes: [], children: [.text(text)])
    }
    /// `<b>` with children.
    public static func b(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "b", attributes: attributes, children: children())
    }
    /// `<b>` holding one piece of text.
    public static func b(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "b", attributes: attributes, children: [.text(text)])
    }
    /// `<b>` holding one piece of text.
    public static func b(_ text: String) -> Node {
        .element(name: "b", attributes: [], children: [.text(text)])
    }
    /// `<form>` with children.
    public static func form(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "form", attributes: attributes, children: children())
    }
    /// `<form>` holding one piece of text.
    public static func form(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "form", attributes: attributes, children: [.text(text)])
    }
    /// `<form>` holding one piece of text.
    public static func form(_ text: String) -> Node {
        .element(name: "form", attributes: [], children: [.text(text)])
    }
    /// `<label>` with children.
    public static func label(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "label", attributes: attributes, children: children())
    }
    /// `<label>` holding one piece of text.
    public static func label(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "label", attributes: attributes, children: [.text(text)])
    }
    /// `<label>` holding one piece of text.
    public static func label(_ text: String) -> Node {
        .element(name: "label", attributes: [], children: [.text(text)])
    }
    /// `<select>` with children.
    public static func select(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "select", attributes: attributes, children: children())
    }
    /// `<select>` holding one piece of text.
    public static func select(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "select", attributes: attributes, children: [.text(text)])
    }
    /// `<select>` holding one piece of text.
    public static func select(_ text: String) -> Node {
        .element(name: "select", attributes: [], children: [.text(text)])
    }
    /// `<option>` with children.
    public static func option(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "option", attributes: attributes, children: children())
    }
    /// `<option>` holding one piece of text.
    public static func option(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "option", attributes: attributes, children: [.text(text)])
    }
    /// `<option>` holding one piece of text.
    public static func option(_ text: String) -> Node {
        .element(name: "option", attributes: [], children: [.text(text)])
    }
    /// `<optgroup>` with children.
    public static func optgroup(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "optgroup", attributes: attributes, children: children())
    }
    /// `<optgroup>` holding one piece of text.
    public static func optgroup(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "optgroup", attributes: attributes, children: [.text(text)])
    }
    /// `<optgroup>` holding one piece of text.
    public static func optgroup(_ text: String) -> Node {
        .element(name: "optgroup", attributes: [], children: [.text(text)])
    }
    /// `<textarea>` with children.
    public static func textarea(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "textarea", attributes: attributes, children: children())
    }
    /// `<textarea>` holding one piece of text.
    public static func textarea(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "textarea", attributes: attributes, children: [.text(text)])
    }
    /// `<textarea>` holding one piece of text.
    public static func textarea(_ text: String) -> Node {
        .element(name: "textarea", attributes: [], children: [.text(text)])
    }
    /// `<button>` with children.
    public static func button(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "button", attributes: attributes, children: children())
    }
    /// `<button>` holding one piece of text.
    public static func button(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "button", attributes: attributes, children: [.text(text)])
    }
    /// `<button>` holding one piece of text.
    public static func button(_ text: String) -> Node {
        .element(name: "button", attributes: [], children: [.text(text)])
    }
    /// `<fieldset>` with children.
    public static func fieldset(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "fieldset", attributes: attributes, children: children())
    }
    /// `<fieldset>` holding one piece of text.
    public static func fieldset(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "fieldset", attributes: attributes, children: [.text(text)])
    }
    /// `<fieldset>` holding one piece of text.
    public static func fieldset(_ text: String) -> Node {
        .element(name: "fieldset", attributes: [], children: [.text(text)])
    }
    /// `<legend>` with children.
    public static func legend(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "legend", attributes: attributes, children: children())
    }
    /// `<legend>` holding one piece of text.
    public static func legend(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "legend", attributes: attributes, children: [.text(text)])
    }
    /// `<legend>` holding one piece of text.
    public static func legend(_ text: String) -> Node {
        .element(name: "legend", attributes: [], children: [.text(text)])
    }
    /// `<table>` with children.
    public static func table(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "table", attributes: attributes, children: children())
    }
    /// `<table>` holding one piece of text.
    public static func table(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "table", attributes: attributes, children: [.text(text)])
    }
    /// `<table>` holding one piece of text.
    public static func table(_ text: String) -> Node {
        .element(name: "table", attributes: [], children: [.text(text)])
    }
    /// `<caption>` with children.
    public static func caption(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "caption", attributes: attributes, children: children())
    }
    /// `<caption>` holding one piece of text.
    public static func caption(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "caption", attributes: attributes, children: [.text(text)])
    }
    /// `<caption>` holding one piece of text.
    public static func caption(_ text: String) -> Node {
        .element(name: "caption", attributes: [], children: [.text(text)])
    }
    /// `<thead>` with children.
    public static func thead(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "thead", attributes: attributes, children: children())
    }
    /// `<thead>` holding one piece of text.
    public static func thead(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "thead", attributes: attributes, children: [.text(text)])
    }
    /// `<thead>` holding one piece of text.
    public static func thead(_ text: String) -> Node {
        .element(name: "thead", attributes: [], children: [.text(text)])
    }
    /// `<tbody>` with children.
    public static func tbody(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "tbody", attributes: attributes, children: children())
    }
    /// `<tbody>` holding one piece of text.
    public static func tbody(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "tbody", attributes: attributes, children: [.text(text)])
    }
    /// `<tbody>` holding one piece of text.
    public static func tbody(_ text: String) -> Node {
        .element(name: "tbody", attributes: [], children: [.text(text)])
    }
    /// `<tfoot>` with children.
    public static func tfoot(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "tfoot", attributes: attributes, children: children())
    }
    /// `<tfoot>` holding one piece of text.
    public static func tfoot(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "tfoot", attributes: attributes, children: [.text(text)])
    }
    /// `<tfoot>` holding one piece of text.
    public static func tfoot(_ text: String) -> Node {
        .element(name: "tfoot", attributes: [], children: [.text(text)])
    }
    /// `<tr>` with children.
    public static func tr(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "tr", attributes: attributes, children: children())
    }
    /// `<tr>` holding one piece of text.
    public static func tr(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "tr", attributes: attributes, children: [.text(text)])
    }
    /// `<tr>` holding one piece of text.
    public static func tr(_ text: String) -> Node {
        .element(name: "tr", attributes: [], children: [.text(text)])
    }
    /// `<th>` with children.
    public static func th(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "th", attributes: attributes, children: children())
    }
    /// `<th>` holding one piece of text.
    public static func th(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "th", attributes: attributes, children: [.text(text)])
    }
    /// `<th>` holding one piece of text.
    public static func th(_ text: String) -> Node {
        .element(name: "th", attributes: [], children: [.text(text)])
    }
    /// `<td>` with children.
    public static func td(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "td", attributes: attributes, children: children())
    }
    /// `<td>` holding one piece of text.
    public static func td(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "td", attributes: attributes, children: [.text(text)])
    }
    /// `<td>` holding one piece of text.
    public static func td(_ text: String) -> Node {
        .element(name: "td", attributes: [], children: [.text(text)])
    }
    /// `<time>` with children.
    public static func time(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "time", attributes: attributes, children: children())
    }
    /// `<time>` holding one piece of text.
    public static func time(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "time", attributes: attributes, children: [.text(text)])
    }
    /// `<time>` holding one piece of text.
    public static func time(_ text: String) -> Node {
        .element(name: "time", attributes: [], children: [.text(text)])
    }
    /// `<abbr>` with children.
    public static func abbr(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "abbr", attributes: attributes, children: children())
    }
    /// `<abbr>` holding one piece of text.
    public static func abbr(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "abbr", attributes: attributes, children: [.text(text)])
    }
    /// `<abbr>` holding one piece of text.
    public static func abbr(_ text: String) -> Node {
        .element(name: "abbr", attributes: [], children: [.text(text)])
    }
    /// `<details>` with children.
    public static func details(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "details", attributes: attributes, children: children())
    }
    /// `<details>` holding one piece of text.
    public static func details(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "details", attributes: attributes, children: [.text(text)])
    }
    /// `<details>` holding one piece of text.
    public static func details(_ text: String) -> Node {
        .element(name: "details", attributes: [], children: [.text(text)])
    }
    /// `<summary>` with children.
    public static func summary(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "summary", attributes: attributes, children: children())
    }
    /// `<summary>` holding one piece of text.
    public static func summary(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "summary", attributes: attributes, children: [.text(text)])
    }
    /// `<summary>` holding one piece of text.
    public static func summary(_ text: String) -> Node {
        .element(name: "summary", attributes: [], children: [.text(text)])
    }
    /// `<figure>` with children.
    public static func figure(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "figure", attributes: attributes, children: children())
    }
    /// `<figure>` holding one piece of text.
    public static func figure(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "figure", attributes: attributes, children: [.text(text)])
    }
    /// `<figure>` holding one piece of text.
    public static func figure(_ text: String) -> Node {
        .element(name: "figure", attributes: [], children: [.text(text)])
    }
    /// `<figcaption>` with children.
    public static func figcaption(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "figcaption", attributes: attributes, children: children())
    }
    /// `<figcaption>` holding one piece of text.
    public static func figcaption(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "figcaption", attributes: attributes, children: [.text(text)])
    }
    /// `<figcaption>` holding one piece of text.
    public static func figcaption(_ text: String) -> Node {
        .element(name: "figcaption", attributes: [], children: [.text(text)])
    }
    /// `<title>` with children.
    public static func title(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "title", attributes: attributes, children: children())
    }
    /// `<title>` holding one piece of text.
    public static func title(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "title", attributes: attributes, children: [.text(text)])
    }
    /// `<title>` holding one piece of text.
    public static func title(_ text: String) -> Node {
        .element(name: "title", attributes: [], children: [.text(text)])
    }
    /// `<noscript>` with children.
    public static func noscript(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "noscript", attributes: attributes, children: children())
    }
    /// `<noscript>` holding one piece of text.
    public static func noscript(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "noscript", attributes: attributes, children: [.text(text)])
    }
    /// `<noscript>` holding one piece of text.
    public static func noscript(_ text: String) -> Node {
        .element(name: "noscript", attributes: [], children: [.text(text)])
    }
    /// `<output>` with children.
    public static func output(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "output", attributes: attributes, children: children())
    }
    /// `<output>` holding one piece of text.
    public static func output(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "output", attributes: attributes, children: [.text(text)])
    }
    /// `<output>` holding one piece of text.
    public static func output(_ text: String) -> Node {
        .element(name: "output", attributes: [], children: [.text(text)])
    }
    /// `<progress>` with children.
    public static func progress(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "progress", attributes: attributes, children: children())
    }
    /// `<progress>` holding one piece of text.
    public static func progress(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "progress", attributes: attributes, children: [.text(text)])
    }
    /// `<progress>` holding one piece of text.
    public static func progress(_ text: String) -> Node {
        .element(name: "progress", attributes: [], children: [.text(text)])
    }
    /// `<address>` with children.
    public static func address(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "address", attributes: attributes, children: children())
    }
    /// `<address>` holding one piece of text.
    public static func address(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "address", attributes: attributes, children: [.text(text)])
    }
    /// `<address>` holding one piece of text.
    public static func address(_ text: String) -> Node {
        .element(name: "address", attributes: [], children: [.text(text)])
    }
    /// `<blockquote>` with children.
    public static func blockquote(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "blockquote", attributes: attributes, children: children())
    }
    /// `<blockquote>` holding one piece of text.
    public static func blockquote(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "blockquote", attributes: attributes, children: [.text(text)])
    }
    /// `<blockquote>` holding one piece of text.
    public static func blockquote(_ text: String) -> Node {
        .element(name: "blockquote", attributes: [], children: [.text(text)])
    }
    /// `<pre>` with children.
    public static func pre(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "pre", attributes: attributes, children: children())
    }
    /// `<pre>` holding one piece of text.
    public static func pre(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "pre", attributes: attributes, children: [.text(text)])
    }
    /// `<pre>` holding one piece of text.
    public static func pre(_ text: String) -> Node {
        .element(name: "pre", attributes: [], children: [.text(text)])
    }
    /// `<code>` with children.
    public static func code(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "code", attributes: attributes, children: children())
    }
    /// `<code>` holding one piece of text.
    public static func code(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "code", attributes: attributes, children: [.text(text)])
    }
    /// `<code>` holding one piece of text.
    public static func code(_ text: String) -> Node {
        .element(name: "code", attributes: [], children: [.text(text)])
    }
    /// `<script src=…>`: only external scripts exist (the CSP forbids inline script), so this takes
    /// a source URL and no children.
    public static func script(src: String, _ attributes: Attribute...) -> Node {
        .element(name: "script", attributes: [.src(src)] + attributes, children: [])
    }
    /// `<mark>` with children.
    public static func mark(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "mark", attributes: attributes, children: children())
    }
    /// `<mark>` holding one piece of text.
    public static func mark(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "mark", attributes: attributes, children: [.text(text)])
    }
    /// `<mark>` holding one piece of text.
    public static func mark(_ text: String) -> Node {
        .element(name: "mark", attributes: [], children: [.text(text)])
    }
    /// `<template>` with children.
    public static func template(_ attributes: Attribute..., @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "template", attributes: attributes, children: children())
    }
    /// `<template>` holding one piece of text.
    public static func template(_ attributes: Attribute..., text: String) -> Node {
        .element(name: "template", attributes: attributes, children: [.text(text)])
    }
    /// `<template>` holding one piece of text.
    public static func template(_ text: String) -> Node {
        .element(name: "template", attributes: [], children: [.text(text)])
    }
    /// `<meta>` (no end tag).
    public static func meta(_ attributes: Attribute...) -> Node {
        .void(name: "meta", attributes: attributes)
    }
    /// `<link>` (no end tag).
    public static func link(_ attributes: Attribute...) -> Node {
        .void(name: "link", attributes: attributes)
    }
    /// `<input>` (no end tag).
    public static func input(_ attributes: Attribute...) -> Node {
        .void(name: "input", attributes: attributes)
    }
    /// `<br>` (no end tag).
    public static func br(_ attributes: Attribute...) -> Node {
        .void(name: "br", attributes: attributes)
    }
    /// `<hr>` (no end tag).
    public static func hr(_ attributes: Attribute...) -> Node {
        .void(name: "hr", attributes: attributes)
    }
    /// `<img>` (no end tag).
    public static func img(_ attributes: Attribute...) -> Node {
        .void(name: "img", attributes: attributes)
    }
    /// `<col>` (no end tag).
    public static func col(_ attributes: Attribute...) -> Node {
        .void(name: "col", attributes: attributes)
    }
}

/// The same helpers taking an attribute array, for attributes computed at run time.
extension Node {
    /// `<html>` with an attribute array and children.
    public static func html(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "html", attributes: attributes, children: children())
    }
    /// `<head>` with an attribute array and children.
    public static func head(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "head", attributes: attributes, children: children())
    }
    /// `<body>` with an attribute array and children.
    public static func body(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "body", attributes: attributes, children: children())
    }
    /// `<header>` with an attribute array and children.
    public static func header(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "header", attributes: attributes, children: children())
    }
    /// `<footer>` with an attribute array and children.
    public static func footer(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "footer", attributes: attributes, children: children())
    }
    /// `<main>` with an attribute array and children.
    public static func main(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "main", attributes: attributes, children: children())
    }
    /// `<nav>` with an attribute array and children.
    public static func nav(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "nav", attributes: attributes, children: children())
    }
    /// `<section>` with an attribute array and children.
    public static func section(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "section", attributes: attributes, children: children())
    }
    /// `<article>` with an attribute array and children.
    public static func article(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "article", attributes: attributes, children: children())
    }
    /// `<aside>` with an attribute array and children.
    public static func aside(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "aside", attributes: attributes, children: children())
    }
    /// `<div>` with an attribute array and children.
    public static func div(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "div", attributes: attributes, children: children())
    }
    /// `<span>` with an attribute array and children.
    public static func span(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "span", attributes: attributes, children: children())
    }
    /// `<p>` with an attribute array and children.
    public static func p(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "p", attributes: attributes, children: children())
    }
    /// `<h1>` with an attribute array and children.
    public static func h1(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h1", attributes: attributes, children: children())
    }
    /// `<h2>` with an attribute array and children.
    public static func h2(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h2", attributes: attributes, children: children())
    }
    /// `<h3>` with an attribute array and children.
    public static func h3(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h3", attributes: attributes, children: children())
    }
    /// `<h4>` with an attribute array and children.
    public static func h4(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "h4", attributes: attributes, children: children())
    }
    /// `<ul>` with an attribute array and children.
    public static func ul(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "ul", attributes: attributes, children: children())
    }
    /// `<ol>` with an attribute array and children.
    public static func ol(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "ol", attributes: attributes, children: children())
    }
    /// `<li>` with an attribute array and children.
    public static func li(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "li", attributes: attributes, children: children())
    }
    /// `<dl>` with an attribute array and children.
    public static func dl(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "dl", attributes: attributes, children: children())
    }
    /// `<dt>` with an attribute array and children.
    public static func dt(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "dt", attributes: attributes, children: children())
    }
    /// `<dd>` with an attribute array and children.
    public static func dd(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "dd", attributes: attributes, children: children())
    }
    /// `<a>` with an attribute array and children.
    public static func a(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "a", attributes: attributes, children: children())
    }
    /// `<strong>` with an attribute array and children.
    public static func strong(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "strong", attributes: attributes, children: children())
    }
    /// `<em>` with an attribute array and children.
    public static func em(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "em", attributes: attributes, children: children())
    }
    /// `<small>` with an attribute array and children.
    public static func small(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "small", attributes: attributes, children: children())
    }
    /// `<b>` with an attribute array and children.
    public static func b(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "b", attributes: attributes, children: children())
    }
    /// `<form>` with an attribute array and children.
    public static func form(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "form", attributes: attributes, children: children())
    }
    /// `<label>` with an attribute array and children.
    public static func label(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "label", attributes: attributes, children: children())
    }
    /// `<select>` with an attribute array and children.
    public static func select(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "select", attributes: attributes, children: children())
    }
    /// `<option>` with an attribute array and children.
    public static func option(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "option", attributes: attributes, children: children())
    }
    /// `<optgroup>` with an attribute array and children.
    public static func optgroup(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "optgroup", attributes: attributes, children: children())
    }
    /// `<textarea>` with an attribute array and children.
    public static func textarea(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "textarea", attributes: attributes, children: children())
    }
    /// `<button>` with an attribute array and children.
    public static func button(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "button", attributes: attributes, children: children())
    }
    /// `<fieldset>` with an attribute array and children.
    public static func fieldset(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "fieldset", attributes: attributes, children: children())
    }
    /// `<legend>` with an attribute array and children.
    public static func legend(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "legend", attributes: attributes, children: children())
    }
    /// `<table>` with an attribute array and children.
    public static func table(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "table", attributes: attributes, children: children())
    }
    /// `<caption>` with an attribute array and children.
    public static func caption(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "caption", attributes: attributes, children: children())
    }
    /// `<thead>` with an attribute array and children.
    public static func thead(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "thead", attributes: attributes, children: children())
    }
    /// `<tbody>` with an attribute array and children.
    public static func tbody(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "tbody", attributes: attributes, children: children())
    }
    /// `<tfoot>` with an attribute array and children.
    public static func tfoot(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "tfoot", attributes: attributes, children: children())
    }
    /// `<tr>` with an attribute array and children.
    public static func tr(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "tr", attributes: attributes, children: children())
    }
    /// `<th>` with an attribute array and children.
    public static func th(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "th", attributes: attributes, children: children())
    }
    /// `<td>` with an attribute array and children.
    public static func td(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "td", attributes: attributes, children: children())
    }
    /// `<time>` with an attribute array and children.
    public static func time(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "time", attributes: attributes, children: children())
    }
    /// `<abbr>` with an attribute array and children.
    public static func abbr(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "abbr", attributes: attributes, children: children())
    }
    /// `<details>` with an attribute array and children.
    public static func details(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "details", attributes: attributes, children: children())
    }
    /// `<summary>` with an attribute array and children.
    public static func summary(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "summary", attributes: attributes, children: children())
    }
    /// `<figure>` with an attribute array and children.
    public static func figure(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "figure", attributes: attributes, children: children())
    }
    /// `<figcaption>` with an attribute array and children.
    public static func figcaption(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "figcaption", attributes: attributes, children: children())
    }
    /// `<title>` with an attribute array and children.
    public static func title(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "title", attributes: attributes, children: children())
    }
    /// `<noscript>` with an attribute array and children.
    public static func noscript(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "noscript", attributes: attributes, children: children())
    }
    /// `<output>` with an attribute array and children.
    public static func output(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "output", attributes: attributes, children: children())
    }
    /// `<progress>` with an attribute array and children.
    public static func progress(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "progress", attributes: attributes, children: children())
    }
    /// `<address>` with an attribute array and children.
    public static func address(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "address", attributes: attributes, children: children())
    }
    /// `<blockquote>` with an attribute array and children.
    public static func blockquote(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "blockquote", attributes: attributes, children: children())
    }
    /// `<pre>` with an attribute array and children.
    public static func pre(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "pre", attributes: attributes, children: children())
    }
    /// `<code>` with an attribute array and children.
    public static func code(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "code", attributes: attributes, children: children())
    }
    /// `<mark>` with an attribute array and children.
    public static func mark(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "mark", attributes: attributes, children: children())
    }
    /// `<template>` with an attribute array and children.
    public static func template(attributes: [Attribute], @NodeBuilder children: () -> [Node]) -> Node {
        .element(name: "template", attributes: attributes, children: children())
    }
}
