//! The browser entry point: mounts the app. Natively there is nothing to run here;
//! the native command is `nec-data`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::mount_to_body(nec_web::App);
}
