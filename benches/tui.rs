//! The update + render path of the session: one key's worth of work, measured in-process.
#![allow(clippy::unwrap_used)]

use certwise::knowledge::Knowledge;
use certwise::tui::action::Action;
use certwise::tui::app::App;
use certwise::tui::theme::Theme;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn plan_app(w: u16, h: u16) -> App {
    let mut app = App::new(Knowledge::embedded().unwrap(), Theme::new(true), w, h);
    app.update(Action::Select);
    while app.screen() == certwise::tui::app::Screen::Interview {
        app.update(Action::Select);
    }
    app.update(Action::ShowPlan);
    app.update(Action::Select);
    app
}

fn bench(c: &mut Criterion) {
    c.bench_function("start-up: parse and validate the knowledge base", |b| {
        b.iter(|| {
            Knowledge::from_texts(
                certwise::knowledge::QUESTIONS_RON,
                certwise::knowledge::STRATEGIES_RON,
                certwise::knowledge::CATALOG_RON,
                certwise::knowledge::EVALUATION_RON,
            )
            .unwrap()
        });
    });
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut app = plan_app(w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut down = true;
        c.bench_function(
            &format!("plan screen: key + update + render {w}x{h}"),
            |b| {
                b.iter(|| {
                    app.update(if down { Action::Down } else { Action::Up });
                    down = !down;
                    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
                });
            },
        );
    }
    let mut app = App::new(Knowledge::embedded().unwrap(), Theme::new(true), 80, 24);
    app.update(Action::Select);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut down = true;
    c.bench_function("interview: key + update + render 80x24", |b| {
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        });
    });
    c.bench_function("answers to plan screen (make_plan + render) 80x24", |b| {
        b.iter(|| {
            let app = plan_app(80, 24);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
