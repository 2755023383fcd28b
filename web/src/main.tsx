// Starts the web app: the shell renders into <body>'s #app.
import { render } from "preact";
import { App } from "./app";
import "./style.css";

render(<App />, document.getElementById("app")!);
