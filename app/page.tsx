import { redirect } from "next/navigation";

/** The status overview is the home of the app. */
export default function Home() {
  redirect("/status");
}
